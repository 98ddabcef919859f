package settings;

import security.KafkaSecurity;

import java.util.List;
import java.util.Map;

/**
 * The topics and how the pipeline's Kafka clients reach them ({@code kafka.*}): brokers, the county and
 * dead-letter topics, the producer's tuning, and the clients' security.
 */
public record KafkaSettings(String brokers, String topic, String dlqTopic, int lingerMs, int batchBytes,
                            String compression, KafkaSecurity security) {

    private static final List<String> COMPRESSIONS = List.of("none", "gzip", "snappy", "lz4", "zstd");

    public static KafkaSettings read(Settings settings) {
        String compression = settings.text("kafka.producer.compression").strip();
        if (!COMPRESSIONS.contains(compression)) {
            throw new IllegalArgumentException("kafka.producer.compression must be one of " + COMPRESSIONS
                    + ", was '" + compression + "'");
        }
        return new KafkaSettings(settings.text("kafka.brokers"), settings.text("kafka.topic"), settings.text("kafka.dlq-topic"),
                settings.wholeNumber("kafka.producer.linger-ms", 0), settings.wholeNumber("kafka.producer.batch-bytes", 0),
                compression, security(settings));
    }

    /**
     * How every Kafka client of the process authenticates: read on its own, since a process that runs no Kafka
     * route still configures Kafka's component and may have no brokers to name.
     */
    public static KafkaSecurity security(Settings settings) {
        return new KafkaSecurity(settings.text("kafka.security-protocol"), settings.text("kafka.sasl-mechanism"),
                settings.text("kafka.sasl-jaas-config"));
    }

    /** Properties for a plain Kafka client (admin, consumer) of these brokers. */
    public Map<String, Object> clientProperties() {
        return security.clientProperties(brokers);
    }
}
