package dev.xboxshop.loadtest;

import java.util.ArrayList;
import java.util.List;

/**
 * What one mode earned in the run, by a deliberately simple model (its assumptions are
 * printed on the report page): revenue is the catalog price of every confirmed unit; the
 * mean accept latency costs a share of that revenue under each published figure; each
 * oversold order (accepted, then cancelled for stock) costs a fixed apology (a voucher,
 * the support call); the net is what is left.
 *
 * @param mode the checkout mode
 * @param revenueCents confirmed units times their catalog price
 * @param meanAcceptMs the delay the penalties are computed for
 * @param apologyCostCents the cost of one apology
 * @param apologiesCents oversold orders times that cost
 * @param penalties one line per published figure
 */
record BusinessLine(String mode, long revenueCents, long meanAcceptMs, long apologyCostCents, long apologiesCents,
		List<Penalty> penalties) {

	/**
	 * @param figure whose figure
	 * @param lossShare the share of revenue lost to the delay
	 * @param penaltyCents that share of the revenue
	 * @param netCents revenue minus the penalty minus the apologies
	 */
	record Penalty(String figure, double lossShare, long penaltyCents, long netCents) {
	}

	static BusinessLine of(Tradeoff mode, long unitPriceCents, long apologyCostCents, List<LatencyFigure> figures) {
		long revenue = mode.confirmed() * unitPriceCents;
		long apologies = mode.oversold() * apologyCostCents;
		long delay = Math.max(0, mode.acceptMeanMs());
		List<Penalty> penalties = new ArrayList<>();
		for (LatencyFigure figure : figures) {
			double share = figure.lossAt(delay);
			long penalty = Math.round(revenue * share);
			penalties.add(new Penalty(figure.name(), share, penalty, revenue - penalty - apologies));
		}
		return new BusinessLine(mode.mode(), revenue, delay, apologyCostCents, apologies, List.copyOf(penalties));
	}

}
