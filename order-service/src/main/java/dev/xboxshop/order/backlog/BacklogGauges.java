package dev.xboxshop.order.backlog;

import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The booking backlog as gauges ({@code shop.booking.backlog}, {@code shop.booking.rate},
 * {@code shop.booking.projected.wait}), read from {@link BookingBacklog}'s cached
 * reading: a scrape costs no more Redis calls than the accept path already makes.
 */
@Component
class BacklogGauges implements MeterBinder {

	private final BookingBacklog backlog;

	BacklogGauges(BookingBacklog backlog) {
		this.backlog = backlog;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("shop.booking.backlog", this, reading(Backlog::inFlight))
			.description("Async orders accepted and not yet booked (the whole shop)")
			.baseUnit("orders")
			.register(registry);
		Gauge.builder("shop.booking.rate", this, reading(Backlog::bookedPerSecond))
			.description("Orders booked per second over the last seconds")
			.register(registry);
		TimeGauge.builder("shop.booking.projected.wait", this, TimeUnit.MILLISECONDS, reading(Backlog::projectedWaitMs))
			.description("How long a new async order would likely wait to be booked")
			.register(registry);
	}

	private static ToDoubleFunction<BacklogGauges> reading(ToDoubleFunction<Backlog> figure) {
		return (gauges) -> {
			try {
				return figure.applyAsDouble(gauges.backlog.current());
			}
			catch (DataAccessException ex) {
				// no reading yet and Redis failing: a gap, not a zero backlog
				return Double.NaN;
			}
		};
	}

}
