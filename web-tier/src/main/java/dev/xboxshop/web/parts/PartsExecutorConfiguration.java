package dev.xboxshop.web.parts;

import java.lang.reflect.Method;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The executor the page parts' blocking calls run on: virtual threads where the running
 * JDK has them (21+), otherwise a bounded pool whose overflow fails the part fast (its
 * fallback shows) rather than queueing a page behind other pages. The project compiles
 * for Java 17, hence the reflective look-up. A part runs in the trace of the page that
 * asked for it (its calls to the gateway carry the page's {@code traceparent}).
 */
@Configuration(proxyBeanMethods = false)
class PartsExecutorConfiguration {

	private static final Log logger = LogFactory.getLog(PartsExecutorConfiguration.class);

	static final int POOL_THREADS = 64;

	static final int POOL_QUEUE = 256;

	@Bean(destroyMethod = "shutdownNow")
	ExecutorService partsExecutor() {
		ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();
		return ContextExecutorService.wrap(executor(), snapshots::captureAll);
	}

	private static ExecutorService executor() {
		ExecutorService virtual = virtualThreadsIfAvailable();
		if (virtual != null) {
			logger.info("Page parts run on virtual threads");
			return virtual;
		}
		logger
			.info("Page parts run on a bounded pool of " + POOL_THREADS + " threads (no virtual threads on this JDK)");
		return new ThreadPoolExecutor(POOL_THREADS, POOL_THREADS, 30, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(POOL_QUEUE), daemonThreads(), new ThreadPoolExecutor.AbortPolicy());
	}

	private static ExecutorService virtualThreadsIfAvailable() {
		try {
			Method factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
			return (ExecutorService) factory.invoke(null);
		}
		catch (ReflectiveOperationException | RuntimeException notOnThisJdk) {
			return null;
		}
	}

	private static ThreadFactory daemonThreads() {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, "page-part-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
