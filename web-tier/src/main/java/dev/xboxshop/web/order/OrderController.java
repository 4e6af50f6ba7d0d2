package dev.xboxshop.web.order;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import dev.xboxshop.web.Notice;
import dev.xboxshop.web.gateway.GatewayClient;
import dev.xboxshop.web.gateway.GatewayProblem;
import dev.xboxshop.web.parts.Part;
import dev.xboxshop.web.parts.PartRunner;
import dev.xboxshop.web.parts.ServerTiming;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The order status page, and the stream that moves it from ACCEPTED to CONFIRMED or to
 * the apology without a reload. The order id is the capability: ids are random, there is
 * no login.
 */
@Controller
class OrderController {

	static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,79}");

	private final PartRunner runner;

	private final GatewayClient gateway;

	private final OrderStatusRelay relay;

	private final Clock clock = Clock.systemUTC();

	OrderController(PartRunner runner, GatewayClient gateway, OrderStatusRelay relay) {
		this.runner = runner;
		this.gateway = gateway;
		this.relay = relay;
	}

	@GetMapping("/orders/{orderId}")
	String order(@PathVariable("orderId") String orderId, Model model, HttpServletResponse response) {
		if (!ORDER_ID.matcher(orderId).matches()) {
			return missing(response);
		}
		long start = System.nanoTime();
		CompletableFuture<Part<Lookup>> order = this.runner.start("order", () -> lookUp(orderId));
		ServerTiming timing = ServerTiming.await(start, List.of(order));
		response.setHeader(ServerTiming.HEADER, timing.header());
		Lookup found = order.join().value();
		if (found != null && found.missing()) {
			return missing(response);
		}
		OrderStatus status = (found != null) ? found.status() : null;
		if (status != null && status.done() && model.getAttribute("notice") == Notice.ORDER_ACCEPTED) {
			// "we are reserving your console" is over by now: the status below says how
			// it ended
			model.addAttribute("notice", null);
		}
		model.addAttribute("orderId", orderId);
		model.addAttribute("order", status);
		if (status != null && !status.done()) {
			Elapsed.since(status.createdAt(), this.clock.instant()).ifPresent((waited) -> {
				model.addAttribute("waitedMs", waited.toMillis());
				model.addAttribute("waited", Elapsed.format(waited));
			});
		}
		model.addAttribute("timing", timing);
		return "order";
	}

	@GetMapping(path = "/orders/{orderId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter events(@PathVariable("orderId") String orderId, HttpServletResponse response) {
		if (!ORDER_ID.matcher(orderId).matches()) {
			SseEmitter nothing = new SseEmitter(0L);
			nothing.complete();
			return nothing;
		}
		// a proxy that buffers would hold the events back until the stream ends
		response.setHeader("X-Accel-Buffering", "no");
		return this.relay.watch(orderId);
	}

	private Lookup lookUp(String orderId) {
		try {
			return new Lookup(OrderStatus.of(this.gateway.order(orderId)), false);
		}
		catch (GatewayProblem problem) {
			if (problem.status() == 404) {
				return new Lookup(null, true);
			}
			throw problem;
		}
	}

	private static String missing(HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "order-missing";
	}

	record Lookup(OrderStatus status, boolean missing) {

	}

}
