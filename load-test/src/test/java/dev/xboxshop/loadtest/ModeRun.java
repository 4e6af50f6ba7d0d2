package dev.xboxshop.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Everything one mode's parents got, recorded by the simulation itself as it runs
 * (Gatling virtual users add to it from many threads).
 */
final class ModeRun {

	final String mode;

	final int stock;

	final Queue<CheckoutAnswer> answers = new ConcurrentLinkedQueue<>();

	/** order-service's booking backlog, as sampled during the mode. */
	final Queue<Timeline.Sample> backlog = new ConcurrentLinkedQueue<>();

	/** Capacity steps judged so far, in order. */
	final List<CapacityStep> steps = new CopyOnWriteArrayList<>();

	private final AtomicLong loadStart = new AtomicLong();

	private final AtomicLongArray sentPerStep;

	private final int stepSeconds;

	private final AtomicLong peakInFlight = new AtomicLong();

	private final AtomicLong peakProjectedWaitMs = new AtomicLong();

	private volatile boolean shedSeen;

	private volatile boolean broken;

	private volatile String auditVerdict = "not read";

	/**
	 * Escrow only: units left in leases once the sale settled, and how long until they
	 * were back.
	 */
	private volatile String leases = "-";

	ModeRun(String mode, int stock, int steps, int stepSeconds) {
		this.mode = mode;
		this.stock = stock;
		this.sentPerStep = new AtomicLongArray(Math.max(steps, 1) + 1);
		this.stepSeconds = stepSeconds;
	}

	/** A parent is about to check out: note the step it belongs to. */
	void sending(long nowMillis) {
		this.loadStart.compareAndSet(0, nowMillis);
		this.sentPerStep.incrementAndGet(stepOf(nowMillis));
	}

	void answered(CheckoutAnswer answer) {
		this.answers.add(answer);
	}

	int stepOf(long millis) {
		long start = this.loadStart.get();
		int step = (int) ((millis - start) / (this.stepSeconds * 1000L));
		return Math.max(0, Math.min(step, this.sentPerStep.length() - 1));
	}

	long loadStart() {
		return this.loadStart.get();
	}

	long sentIn(int step) {
		return this.sentPerStep.get(step);
	}

	List<CheckoutAnswer> answersIn(int step) {
		List<CheckoutAnswer> inStep = new ArrayList<>();
		for (CheckoutAnswer answer : this.answers) {
			if (stepOf(answer.sentAtMillis()) == step) {
				inStep.add(answer);
			}
		}
		return inStep;
	}

	void sampled(long inFlight, long projectedWaitMs, boolean shedding) {
		this.peakInFlight.accumulateAndGet(inFlight, Math::max);
		this.peakProjectedWaitMs.accumulateAndGet(projectedWaitMs, Math::max);
		this.shedSeen |= shedding;
		this.backlog.add(new Timeline.Sample(System.currentTimeMillis(), inFlight));
	}

	long peakInFlight() {
		return this.peakInFlight.get();
	}

	long peakProjectedWaitMs() {
		return this.peakProjectedWaitMs.get();
	}

	boolean shedSeen() {
		return this.shedSeen;
	}

	void broke() {
		this.broken = true;
	}

	boolean broken() {
		return this.broken;
	}

	void leasesAfterSale(String leases) {
		this.leases = leases;
	}

	String leasesAfterSale() {
		return this.leases;
	}

	void audited(String verdict) {
		this.auditVerdict = verdict;
	}

	String auditVerdict() {
		return this.auditVerdict;
	}

}
