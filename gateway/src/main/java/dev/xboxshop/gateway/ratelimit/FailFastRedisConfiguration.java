package dev.xboxshop.gateway.ratelimit;

import io.lettuce.core.ClientOptions.DisconnectedBehavior;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rate limiting fails open: when Redis is down, {@code RedisRateLimiter} logs the error
 * and lets the request through, because the limiter protects capacity, not correctness.
 * For that to cost little, a command must fail at once while Redis is away instead of
 * being queued until the connection returns; {@code spring.data.redis.timeout} bounds a
 * Redis that accepts connections but does not answer.
 */
@Configuration(proxyBeanMethods = false)
class FailFastRedisConfiguration {

	@Bean
	LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
		return (options) -> options.disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS);
	}

}
