package support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import local.Directories;
import local.EmbeddedKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** One in-process broker for the whole test run, and a plain consumer to read what the pipeline wrote. */
public final class TestKafka {

    public static final int PARTITIONS = 3;

    private static EmbeddedKafka broker;

    private TestKafka() {
    }

    public static synchronized String bootstrap() {
        if (broker == null) {
            Path dir = tempDir("kafka");
            broker = EmbeddedKafka.start(dir, EmbeddedKafka.freePort(), PARTITIONS);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                broker.close();
                Directories.deleteTree(dir);
            }));
        }
        return broker.bootstrap();
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
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
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
