/*
 * The storefront's only script: no framework, no build. Pages work without it; it adds
 *  - live panels: an element with data-refresh-url is re-fetched every data-refresh-every ms
 *    and its content replaced by the server-rendered fragment (Thymeleaf escapes it);
 *  - the order status stream: EventSource on data-events-url, updating text only;
 *  - the wait of an ACCEPTED order (#order-elapsed) counting on every second, in the words
 *    of the server's Elapsed;
 *  - forms with data-submit-once: the button is disabled after the first press (the
 *    idempotency key in the form makes a second press harmless anyway).
 */
(function () {
	'use strict';

	function refreshPanel(panel) {
		var url = panel.getAttribute('data-refresh-url');
		var every = parseInt(panel.getAttribute('data-refresh-every'), 10) || 2000;
		var busy = false;
		function tick() {
			if (busy || document.hidden) {
				return;
			}
			busy = true;
			fetch(url, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin', cache: 'no-store' })
				.then(function (response) {
					if (response.redirected) {
						// the operator session ended: show the sign-in page instead of embedding it
						window.location.reload();
						return null;
					}
					return response.ok ? response.text() : null;
				})
				.then(function (html) {
					if (html !== null && html !== undefined) {
						panel.innerHTML = html;
						panel.removeAttribute('data-refresh-failed');
					}
				})
				.catch(function () {
					panel.setAttribute('data-refresh-failed', 'true');
				})
				.then(function () {
					busy = false;
				});
		}
		window.setInterval(tick, every);
	}

	function setText(id, text) {
		var element = document.getElementById(id);
		if (element) {
			element.textContent = text;
		}
		return element;
	}

	function showOrder(state) {
		var status = setText('order-status', state.status);
		if (status) {
			status.setAttribute('data-status', state.status);
			status.className = 'status-pill status-' + String(state.status).toLowerCase();
		}
		setText('order-headline', state.headline || '');
		setText('order-reason', state.reason || '');
		setText('order-mode', state.mode || 'unknown');
		var reasonLine = document.querySelector('.order-reason-line');
		if (reasonLine) {
			reasonLine.classList.toggle('is-empty', !state.reason);
		}
		var waiting = document.getElementById('order-waiting');
		if (waiting) {
			waiting.classList.toggle('is-empty', !!state.done);
		}
		// "we are reserving your console" is over once the order is final
		var accepted = document.querySelector('#message[data-notice="order-accepted"]');
		if (accepted && state.done) {
			accepted.classList.add('is-empty');
		}
	}

	function formatElapsed(ms) {
		var s = Math.floor(ms / 1000);
		function two(n) { return (n < 10 ? '0' : '') + n; }
		if (s < 60) { return s + ' s'; }
		if (s < 3600) { return Math.floor(s / 60) + ' min ' + two(s % 60) + ' s'; }
		if (s < 86400) { return Math.floor(s / 3600) + ' h ' + two(Math.floor((s % 3600) / 60)) + ' min'; }
		return Math.floor(s / 86400) + ' d ' + Math.floor((s % 86400) / 3600) + ' h';
	}

	// counts from the server's figure, so a browser clock that is off does not matter
	function countElapsed(element) {
		var start = parseInt(element.getAttribute('data-elapsed-ms'), 10) || 0;
		var loaded = Date.now();
		var timer = window.setInterval(function () {
			var panel = document.getElementById('order');
			if (panel && panel.getAttribute('data-final') === 'true') {
				window.clearInterval(timer);
				return;
			}
			element.textContent = formatElapsed(start + Date.now() - loaded);
		}, 1000);
	}

	function followOrder(panel) {
		if (panel.getAttribute('data-final') === 'true' || !window.EventSource) {
			return;
		}
		var source = new EventSource(panel.getAttribute('data-events-url'));
		source.addEventListener('status', function (event) {
			var state = JSON.parse(event.data);
			showOrder(state);
			if (state.done) {
				panel.setAttribute('data-final', 'true');
				source.close();
			}
		});
	}

	function submitOnce(form) {
		form.addEventListener('submit', function () {
			var buttons = form.querySelectorAll('button[type="submit"]');
			window.setTimeout(function () {
				buttons.forEach(function (button) {
					button.disabled = true;
					button.setAttribute('aria-busy', 'true');
				});
			}, 0);
		});
	}

	document.addEventListener('DOMContentLoaded', function () {
		document.querySelectorAll('[data-refresh-url]').forEach(refreshPanel);
		document.querySelectorAll('[data-events-url]').forEach(followOrder);
		document.querySelectorAll('[data-elapsed-ms]').forEach(countElapsed);
		document.querySelectorAll('form[data-submit-once]').forEach(submitOnce);
	});

	// coming Back to a page from the browser's cache must not leave its buttons disabled
	window.addEventListener('pageshow', function (event) {
		if (event.persisted) {
			document.querySelectorAll('form[data-submit-once] button').forEach(function (button) {
				button.disabled = false;
				button.removeAttribute('aria-busy');
			});
		}
	});
})();
