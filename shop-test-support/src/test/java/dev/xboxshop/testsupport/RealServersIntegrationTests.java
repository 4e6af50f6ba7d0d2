package dev.xboxshop.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RealServersIntegrationTests {

	@Test
	void redisAnswersPing() {
		RedisServerHandle redis = RealServers.redis();
		assertThat(FreePorts.accepts(redis.port())).isTrue();
		assertThat(LocalRedisPing.ping(redis.host(), redis.port())).isEqualTo("+PONG");
	}

	@Test
	void kafkaAcknowledgesARecord() throws Exception {
		RecordMetadata metadata = send(RealServers.kafka().bootstrapServers(), "support.smoke");
		assertThat(metadata.offset()).isGreaterThanOrEqualTo(0);
	}

	@Test
	void brokerProcessKeepsItsRecordsAcrossARestart(@TempDir Path dir) throws Exception {
		KafkaBrokerProcess broker = new KafkaBrokerProcess(dir, FreePorts.find(), FreePorts.find());
		try {
			broker.start();
			long first = send(broker.bootstrapServers(), "support.restart").offset();
			broker.stop();
			assertThat(FreePorts.accepts(Integer.parseInt(broker.bootstrapServers().split(":")[1]))).isFalse();
			broker.start();
			long second = send(broker.bootstrapServers(), "support.restart").offset();
			assertThat(second).isEqualTo(first + 1);
		}
		finally {
			broker.stop();
		}
	}

	private static RecordMetadata send(String bootstrap, String topic) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			if (!admin.listTopics().names().get().contains(topic)) {
				admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
			}
		}
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
						ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
						ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
			return producer.send(new ProducerRecord<>(topic, "k", "v"))
				.get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
		}
	}

}
