package dev.xboxshop.order;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.dao.DataAccessException;

/**
 * Figures for gauges read from Redis at most once per interval, however often and by
 * however many scrapers they are read. While Redis fails the last reading stands, and
 * before any reading a gauge shows a gap (NaN), never a made-up zero.
 */
public final class ThrottledReading {

	private final Duration every;

	private final Clock clock;

	private final Supplier<long[]> read;

	private volatile Reading last;

	/**
	 * @param every the least time between two reads
	 * @param clock the clock
	 * @param read one read of every figure
	 */
	public ThrottledReading(Duration every, Clock clock, Supplier<long[]> read) {
		this.every = every;
		this.clock = clock;
		this.read = read;
	}

	/**
	 * @param index which figure of the read
	 * @return its value as last read
	 */
	public double value(int index) {
		long now = this.clock.millis();
		Reading reading = this.last;
		if (reading == null || now - reading.at() >= this.every.toMillis()) {
			try {
				reading = new Reading(this.read.get(), now);
				this.last = reading;
			}
			catch (DataAccessException ex) {
				return (reading != null) ? reading.values()[index] : Double.NaN;
			}
		}
		return reading.values()[index];
	}

	private record Reading(long[] values, long at) {

	}

}
