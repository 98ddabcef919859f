package support;

import covid.CountyJson;
import covid.CountyRow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import local.Directories;
import local.LoopbackPorts;
import local.EmbeddedS3;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import sink.LakeCatchUp;

/** A lake for one test: its own S3 server, topic and consumer group on the shared test broker. */
public final class TestLake implements AutoCloseable {

    public static final String BUCKET = "lake-test";

    public final String topic = TestKafka.newTopic("lake");
    public final String group = "sink-" + UUID.randomUUID();
    private final Path dir = TestKafka.tempDir("lake-s3");
    private final int s3Port = LoopbackPorts.free();
    private EmbeddedS3 s3;

    public TestLake() {
        startS3();
    }

    public void startS3() {
        s3 = EmbeddedS3.start(dir, s3Port, "key", "secret", BUCKET);
    }

    public void stopS3() throws Exception {
        s3.close();
    }

    /** Sink properties for this lake; {@code extra} wins. */
    public Map<String, String> sinkProperties(String... extra) {
        Map<String, String> p = new HashMap<>();
        p.put("kafka.brokers", TestKafka.bootstrap());
        p.put("kafka.topic", topic);
        p.put("kafka.dlq-topic", topic + ".dlq");
        p.put("lake.group-id", group);
        p.put("lake.bucket", BUCKET);
        p.put("lake.s3.endpoint", "http://127.0.0.1:" + s3Port);
        p.put("lake.s3.access-key", "key");
        p.put("lake.s3.secret-key", "secret");
        p.put("lake.flush-interval", "2s");
        p.put("lake.s3.retries", "2");
        // no Glue catalog of its own: the sink must not register partitions in whatever answers on the default port
        p.put("lake.register-partitions", "false");
        for (int i = 0; i < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        return p;
    }

    /** Sends the rows to the topic as the replay does: JSON value, keyed by fips. */
    public void send(List<CountyRow> rows) {
        Map<String, Object> config = TestKafka.clientConfig(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (CountyRow row : rows) {
                producer.send(new ProducerRecord<>(topic, row.key(), CountyJson.encode(row)));
            }
        }
    }

    public void sendRaw(String key, String value) {
        Map<String, Object> config = TestKafka.clientConfig();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value));
        }
    }

    /** The table folder as the S3 server keeps it on disk. */
    public Path tableFolder() {
        return dir.resolve(BUCKET).resolve("lake").resolve("us_counties");
    }

    public List<Path> objects() throws Exception {
        if (!Files.exists(tableFolder())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(tableFolder())) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Every row in the lake, read back with DuckDB. */
    public List<CountyRow> rows(String extension) throws Exception {
        return objects().isEmpty() ? List.of() : LakeFiles.readFolder(tableFolder(), extension);
    }

    /** Waits until the lake holds at least {@code count} rows (or the timeout passed) and returns them. */
    public List<CountyRow> awaitRows(int count, Duration timeout) throws Exception {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        List<CountyRow> rows = rows("parquet");
        while (rows.size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            rows = rows("parquet");
        }
        return rows;
    }

    /**
     * Waits until the sink's group has committed the whole topic: from then on the sink has nothing left to
     * store, so the lake as it is now is what the test checks.
     */
    public void awaitCaughtUp(Duration timeout) throws Exception {
        LakeCatchUp catchUp = new LakeCatchUp(TestKafka.clientConfig(), topic, group);
        try {
            long deadline = System.currentTimeMillis() + timeout.toMillis();
            while (!catchUp.caughtUp()) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("the sink's group did not commit all of " + topic + " within " + timeout);
                }
                Thread.sleep(100);
            }
        } finally {
            catchUp.stop();
        }
    }

    @Override
    public void close() throws Exception {
        s3.close();
        Directories.deleteTree(dir);
    }
}
