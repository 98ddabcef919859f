package support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import local.Directories;
import local.EmbeddedKafka;
import local.LoopbackPorts;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** One in-process broker for the whole test run, and a plain consumer to read what the pipeline wrote. */
public final class TestKafka {

    public static final int PARTITIONS = 3;
    /** The local keys of application.properties: the pipeline's routes sign in with them by default. */
    public static final String USER = "local";
    public static final String PASSWORD = "local-secret";

    private static EmbeddedKafka broker;

    private TestKafka() {
    }

    public static synchronized String bootstrap() {
        if (broker == null) {
            Path dir = tempDir("kafka");
            broker = EmbeddedKafka.start(dir, LoopbackPorts.free(), PARTITIONS, USER, PASSWORD);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                broker.close();
                Directories.deleteTree(dir);
            }));
        }
        return broker.bootstrap();
    }

    /** A client's configuration for the test broker: where it is and how to sign in; {@code extra} (key, value, ...) adds. */
    public static Map<String, Object> clientConfig(Object... extra) {
        bootstrap();
        Map<String, Object> config = new HashMap<>(broker.clientProperties());
        for (int i = 0; i < extra.length; i += 2) {
            config.put((String) extra[i], extra[i + 1]);
        }
        return config;
    }

    /** A fresh topic name per test, created with {@link #PARTITIONS} partitions. */
    public static String newTopic(String prefix) {
        String topic = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        bootstrap();
        broker.createTopics(PARTITIONS, topic);
        return topic;
    }

    /** Reads the topic from the start until {@code expected} records arrived or the timeout passed. */
    public static List<ConsumerRecord<String, String>> read(String topic, int expected, Duration timeout) {
        Map<String, Object> config = clientConfig(
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + timeout.toMillis();
            while (records.size() < expected && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // anything beyond what was expected is a failure the caller should see
            consumer.poll(Duration.ofMillis(300)).forEach(records::add);
        }
        return records;
    }

    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
