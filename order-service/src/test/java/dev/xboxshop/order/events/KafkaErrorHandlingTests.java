package dev.xboxshop.order.events;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which listener failures are outages of the store (retried until they pass) and which
 * are the record's fault (dead-lettered after a few tries).
 */
class KafkaErrorHandlingTests {

	@Test
	void treatsRedisFailuresAsOutagesToRetryUntilTheyPass() {
		assertThat(KafkaConfiguration.storeFailure(failed(new RedisConnectionFailureException("refused")))).isTrue();
		assertThat(KafkaConfiguration.storeFailure(failed(new QueryTimeoutException("timed out")))).isTrue();
		assertThat(KafkaConfiguration.storeFailure(failed(new RedisSystemException("closed", null)))).isTrue();
		assertThat(KafkaConfiguration.storeFailure(failed(new RedisCommandTimeoutException("timed out")))).isTrue();
		assertThat(KafkaConfiguration.storeFailure(new RedisConnectionException("refused"))).isTrue();
	}

	@Test
	void leavesPoisonRecordsAndOtherFailuresToTheDeadLetterTopic() {
		assertThat(KafkaConfiguration.storeFailure(failed(new MalformedEvent("The event names no order")))).isFalse();
		assertThat(KafkaConfiguration.storeFailure(new DeserializationException("not json", new byte[0], false, null)))
			.isFalse();
		assertThat(KafkaConfiguration.storeFailure(failed(new IllegalStateException("bug")))).isFalse();
		assertThat(KafkaConfiguration.storeFailure(null)).isFalse();
	}

	private static ListenerExecutionFailedException failed(Throwable cause) {
		return new ListenerExecutionFailedException("Listener failed", cause);
	}

}
