package dev.xboxshop.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Adds the connection properties of the real servers a test asks for with
 * {@link RealRedis} or {@link RealKafka}, ahead of the application's own configuration.
 */
class RealServersContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		boolean redis = TestContextAnnotationUtils.hasAnnotation(testClass, RealRedis.class);
		boolean kafka = TestContextAnnotationUtils.hasAnnotation(testClass, RealKafka.class);
		return (redis || kafka) ? new RealServersCustomizer(redis, kafka) : null;
	}

	private record RealServersCustomizer(boolean redis, boolean kafka) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			Map<String, Object> properties = new LinkedHashMap<>();
			if (this.redis) {
				RedisServerHandle server = RealServers.redis();
				properties.put("spring.data.redis.host", server.host());
				properties.put("spring.data.redis.port", server.port());
			}
			if (this.kafka) {
				properties.put("spring.kafka.bootstrap-servers", RealServers.kafka().bootstrapServers());
			}
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("realServers", properties));
		}

	}

}
