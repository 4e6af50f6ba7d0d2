package dev.xboxshop.localrun;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import dev.xboxshop.localrun.ShopClient.Answer;

/**
 * A crowd of buyers: {@code size} requests, at most {@code concurrency} at once, as a
 * fixed pool of browsers would send them.
 */
final class Crowd {

	private Crowd() {
	}

	static List<Answer> buy(int size, int concurrency, IntFunction<Answer> buyer) {
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		try {
			List<Future<Answer>> futures = new ArrayList<>();
			for (int i = 0; i < size; i++) {
				int index = i;
				futures.add(pool.submit(() -> buyer.apply(index)));
			}
			List<Answer> answers = new ArrayList<>();
			for (Future<Answer> future : futures) {
				answers.add(future.get());
			}
			return answers;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

	static Map<Integer, Long> byStatus(List<Answer> answers) {
		return answers.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
	}

	/**
	 * The problem types of the answers, for an assertion message.
	 */
	static Map<String, Long> problems(List<Answer> answers) {
		return answers.stream()
			.filter((a) -> a.status() >= 400)
			.collect(Collectors.groupingBy((a) -> a.status() + " " + a.text("type") + " " + a.text("detail"),
					Collectors.counting()));
	}

	/**
	 * A one-line latency summary for the test log (a report, not an assertion).
	 */
	static String latencies(String label, List<Answer> answers) {
		int[] sorted = answers.stream().mapToInt((ToIntFunction<Answer>) (a) -> (int) a.millis()).sorted().toArray();
		return String.format("%s: n=%d p50=%d ms p95=%d ms p99=%d ms max=%d ms", label, sorted.length,
				sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.95)], sorted[(int) (sorted.length * 0.99)],
				sorted[sorted.length - 1]);
	}

}
