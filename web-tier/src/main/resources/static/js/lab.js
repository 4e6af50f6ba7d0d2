/*
 * The lab's live charts: the shop's own small SVG code, served from the web-tier's jar
 * (no chart library, no CDN, no inline script: the page's CSP is script-src 'self').
 *  - every second it reads /lab/live (mode, chaos, stock, backlog, the rush and its
 *    latency per mode) and draws;
 *  - the audit (/lab/audit: orders by state, apologies, revenue, verdict) is read in the
 *    background, one request at a time, and each second's sample takes the latest one;
 *  - the last two minutes are kept in sessionStorage, so a form post's reload keeps them.
 */
(function () {
	'use strict';

	var SVG = 'http://www.w3.org/2000/svg';
	var WINDOW_MS = 120000;
	var WIDTH = 360;
	var HEIGHT = 160;
	var LEFT = 52;
	var BOTTOM = 20;
	var TOP = 10;
	var STORE = 'xbox-lab-samples';
	var MODES = ['sync', 'async', 'escrow'];

	function node(name, attributes, parent) {
		var element = document.createElementNS(SVG, name);
		Object.keys(attributes || {}).forEach(function (key) {
			element.setAttribute(key, attributes[key]);
		});
		if (parent) {
			parent.appendChild(element);
		}
		return element;
	}

	function text(parent, x, y, content, cls, anchor) {
		var label = node('text', { x: x, y: y, 'class': cls || 'chart-label', 'text-anchor': anchor || 'start' }, parent);
		label.textContent = content;
		return label;
	}

	function niceMax(value) {
		if (!(value > 0)) {
			return 1;
		}
		var power = Math.pow(10, Math.floor(Math.log10(value)));
		var steps = [1, 2, 5, 10];
		for (var i = 0; i < steps.length; i++) {
			if (value <= steps[i] * power) {
				return steps[i] * power;
			}
		}
		return 10 * power;
	}

	function canvas(figure) {
		var old = figure.querySelector('svg');
		if (old) {
			old.remove();
		}
		var legend = figure.querySelector('.chart-legend');
		if (legend) {
			legend.remove();
		}
		return node('svg', { viewBox: '0 0 ' + WIDTH + ' ' + HEIGHT, role: 'img', 'class': 'chart-svg' }, null);
	}

	/** 1200 -> 1.2k, for the axis where room is short. */
	function compact(value) {
		if (value >= 1e6) {
			return (value / 1e6).toFixed(value >= 1e7 ? 0 : 1).replace(/\.0$/, '') + 'M';
		}
		if (value >= 1e3) {
			return (value / 1e3).toFixed(value >= 1e4 ? 0 : 1).replace(/\.0$/, '') + 'k';
		}
		return String(Math.round(value));
	}

	function axes(svg, max, format) {
		node('line', { x1: LEFT, y1: HEIGHT - BOTTOM, x2: WIDTH, y2: HEIGHT - BOTTOM, 'class': 'chart-axis' }, svg);
		node('line', { x1: LEFT, y1: TOP, x2: LEFT, y2: HEIGHT - BOTTOM, 'class': 'chart-axis' }, svg);
		node('line', { x1: LEFT, y1: TOP, x2: WIDTH, y2: TOP, 'class': 'chart-grid-line' }, svg);
		text(svg, LEFT - 4, TOP + 4, format(max), 'chart-label', 'end');
		text(svg, LEFT - 4, HEIGHT - BOTTOM, format(0), 'chart-label', 'end');
	}

	function legend(figure, entries) {
		var list = document.createElement('ul');
		list.className = 'chart-legend';
		entries.forEach(function (entry) {
			var item = document.createElement('li');
			item.className = entry.cls;
			item.textContent = entry.label;
			list.appendChild(item);
		});
		figure.appendChild(list);
	}

	/** A line per series over the last two minutes; series = [{label, cls, value(sample)}]. */
	function lineChart(figure, samples, series, format, now, axisFormat) {
		var svg = canvas(figure);
		var max = 0;
		series.forEach(function (line) {
			samples.forEach(function (sample) {
				var value = line.value(sample);
				if (value !== null && value !== undefined && value > max) {
					max = value;
				}
			});
		});
		max = niceMax(max);
		axes(svg, max, axisFormat || compact);
		text(svg, LEFT, HEIGHT - 4, '2 min ago', 'chart-label');
		text(svg, WIDTH, HEIGHT - 4, 'now', 'chart-label', 'end');
		var drawn = 0;
		series.forEach(function (line) {
			var points = [];
			samples.forEach(function (sample) {
				var value = line.value(sample);
				if (value === null || value === undefined) {
					return;
				}
				var x = LEFT + (WIDTH - LEFT) * (1 - (now - sample.t) / WINDOW_MS);
				var y = (HEIGHT - BOTTOM) - (HEIGHT - BOTTOM - TOP) * (value / max);
				points.push(x.toFixed(1) + ',' + y.toFixed(1));
			});
			if (points.length > 0) {
				node('polyline', { points: points.join(' '), 'class': 'chart-line ' + line.cls }, svg);
				drawn += points.length;
			}
		});
		figure.appendChild(svg);
		legend(figure, series.map(function (line) {
			var last = samples.length ? line.value(samples[samples.length - 1]) : null;
			return { cls: line.cls, label: line.label + ': ' + ((last === null || last === undefined) ? 'n/a' : format(last)) };
		}));
		figure.setAttribute('data-points', String(drawn));
	}

	/** p50 and p99 bars per mode, from the rush's own checkouts. */
	function latencyChart(figure, latency) {
		var svg = canvas(figure);
		var max = 0;
		MODES.forEach(function (mode) {
			var figures = latency && latency[mode];
			if (figures && figures.p99Ms > max) {
				max = figures.p99Ms;
			}
		});
		max = niceMax(max);
		axes(svg, max, function (ms) { return Math.round(ms) + ' ms'; });
		var group = (WIDTH - LEFT) / MODES.length;
		var bar = group / 4;
		var drawn = 0;
		MODES.forEach(function (mode, index) {
			var figures = (latency && latency[mode]) || { count: 0 };
			var x = LEFT + index * group + bar / 2;
			text(svg, x + bar, HEIGHT - 6, mode + (figures.count ? ' (' + figures.count + ')' : ': no rush yet'), 'chart-label', 'middle');
			[['p50Ms', 'bar-p50'], ['p99Ms', 'bar-p99']].forEach(function (pair, offset) {
				var value = figures[pair[0]];
				if (value === null || value === undefined) {
					return;
				}
				var height = (HEIGHT - BOTTOM - TOP) * (value / max);
				var left = x + offset * bar * 1.1;
				node('rect', { x: left.toFixed(1), y: (HEIGHT - BOTTOM - height).toFixed(1), width: bar.toFixed(1),
					height: Math.max(height, 1).toFixed(1), 'class': 'chart-bar ' + pair[1], 'data-mode': mode }, svg);
				text(svg, left + bar / 2, HEIGHT - BOTTOM - height - 3, String(Math.round(value)), 'chart-value', 'middle');
				drawn++;
			});
		});
		figure.appendChild(svg);
		legend(figure, [{ cls: 'bar-p50', label: 'p50' }, { cls: 'bar-p99', label: 'p99' }]);
		figure.setAttribute('data-points', String(drawn));
	}

	function money(cents) {
		var dollars = Math.round(cents / 100);
		return '$' + dollars.toLocaleString('en-US');
	}

	function count(value) {
		return String(Math.round(value));
	}

	function status(name) {
		return function (sample) {
			return (sample.byStatus && name in sample.byStatus) ? sample.byStatus[name] : (sample.byStatus ? 0 : null);
		};
	}

	function draw(samples, latest) {
		var now = Date.now();
		latencyChart(document.getElementById('chart-latency'), latest ? latest.latency : null);
		lineChart(document.getElementById('chart-orders'), samples, [
			{ label: 'confirmed', cls: 'series-confirmed', value: status('CONFIRMED') },
			{ label: 'accepted', cls: 'series-accepted', value: status('ACCEPTED') },
			{ label: 'cancelled', cls: 'series-cancelled', value: status('CANCELLED') },
			{ label: 'rejected', cls: 'series-rejected', value: status('REJECTED') }
		], count, now);
		lineChart(document.getElementById('chart-apologies'), samples, [
			{ label: 'apologies', cls: 'series-cancelled', value: function (s) { return s.apologies; } }
		], count, now);
		lineChart(document.getElementById('chart-revenue'), samples, [
			{ label: 'revenue', cls: 'series-confirmed', value: function (s) { return s.revenueCents; } }
		], money, now, function (cents) { return '$' + compact(cents / 100); });
		lineChart(document.getElementById('chart-backlog'), samples, [
			{ label: 'backlog', cls: 'series-accepted', value: function (s) { return s.backlog; } },
			{ label: 'stock left', cls: 'series-stock', value: function (s) { return s.available; } }
		], count, now);
	}

	function setText(id, content) {
		var element = document.getElementById(id);
		if (element) {
			element.textContent = content;
		}
		return element;
	}

	function showLive(live) {
		setText('live-mode', live.mode || 'unknown');
		var banner = document.getElementById('chaos-banner');
		if (banner) {
			banner.classList.toggle('is-empty', !live.chaosOn);
			if (live.chaos) {
				setText('chaos-banner-detail', 'inventory ' + (live.chaos.down ? 'down' : 'up') + ', '
					+ live.chaos.extraLatencyMs + ' ms extra latency, error rate ' + live.chaos.errorRate);
			}
		}
		var rush = live.rush;
		var line = document.getElementById('rush-status');
		if (line && rush) {
			var outcomes = Object.keys(rush.outcomes).map(function (key) { return rush.outcomes[key] + ' ' + key; });
			line.textContent = 'Rush ' + rush.run + ' (' + rush.mode + '): ' + rush.sent + ' of ' + rush.planned
				+ ' sent, ' + rush.answered + ' answered' + (rush.running ? ', running' : ', done')
				+ (outcomes.length ? ': ' + outcomes.join(', ') : '');
			line.setAttribute('data-state', rush.running ? 'running' : 'done');
			line.setAttribute('data-mode', rush.mode);
		}
	}

	function showAudit(audit) {
		var verdict = setText('live-verdict', audit.verdict || 'none reported');
		if (verdict) {
			verdict.setAttribute('data-healthy', String(audit.healthy));
			verdict.className = audit.healthy ? 'verdict-ok' : 'verdict-broken';
		}
		setText('live-audit-age', 'read ' + (audit.ageMs / 1000).toFixed(1) + ' s ago');
	}

	function load() {
		try {
			var kept = JSON.parse(window.sessionStorage.getItem(STORE) || '[]');
			return Array.isArray(kept) ? kept : [];
		}
		catch (e) {
			return [];
		}
	}

	function keep(samples) {
		try {
			window.sessionStorage.setItem(STORE, JSON.stringify(samples));
		}
		catch (e) {
			// private mode or full: the charts just start over after a reload
		}
	}

	function start(panel) {
		var liveUrl = panel.getAttribute('data-live-url');
		var auditUrl = panel.getAttribute('data-audit-url');
		var every = parseInt(panel.getAttribute('data-every'), 10) || 1000;
		var samples = load();
		var audit = null;
		var refreshes = 0;
		var busy = false;

		function get(url) {
			return fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
				.then(function (response) {
					if (response.redirected) {
						// the operator session ended: show the sign-in page
						window.location.reload();
						return null;
					}
					return response.ok ? response.json() : null;
				});
		}

		function readAudit() {
			get(auditUrl)
				.then(function (answer) {
					if (answer) {
						audit = answer;
						showAudit(answer);
					}
				})
				.catch(function () {
					panel.setAttribute('data-audit-failed', 'true');
				})
				.then(function () {
					window.setTimeout(readAudit, every);
				});
		}

		function tick() {
			if (busy) {
				return;
			}
			busy = true;
			get(liveUrl)
				.then(function (live) {
					if (!live) {
						return;
					}
					var now = Date.now();
					samples.push({
						t: now,
						backlog: live.backlog ? live.backlog.inFlight : null,
						available: (live.available === null || live.available === undefined) ? null : live.available,
						byStatus: audit ? audit.byStatus : null,
						apologies: audit ? audit.apologies : null,
						revenueCents: audit ? audit.revenueCents : null
					});
					samples = samples.filter(function (sample) { return now - sample.t <= WINDOW_MS; });
					keep(samples);
					showLive(live);
					draw(samples, live);
					refreshes++;
					panel.setAttribute('data-refreshes', String(refreshes));
				})
				.catch(function () {
					panel.setAttribute('data-live-failed', 'true');
				})
				.then(function () {
					busy = false;
				});
		}

		readAudit();
		tick();
		window.setInterval(tick, every);
	}

	document.addEventListener('DOMContentLoaded', function () {
		var panel = document.getElementById('live');
		if (panel) {
			start(panel);
		}
	});
})();
