package dev.xboxshop.order;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrderConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** Redis pub/sub subscriptions of this replica (order status changes). */
	@Bean
	RedisMessageListenerContainer redisChannels(RedisConnectionFactory connectionFactory) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connectionFactory);
		return container;
	}

}
