package bench;

import static bench.ReplayBenchmark.say;

import aws.AwsClients;
import covid.CountyJson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import lake.ObjectKeys;
import lake.RecordFormat;
import local.Directories;
import local.EmbeddedKafka;
import local.LoopbackPorts;
import local.EmbeddedS3;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import replay.ReplayFile;
import replay.ReplayIdentity;
import replay.ResumePoint;
import replay.ReplayPacer;
import sink.LakeCatchUp;
import software.amazon.awssdk.services.s3.S3Client;
import support.SinkInstance;
import support.TestKafka;

/**
 * The sink benchmark: fills a topic of the in-process broker with a large generated county file, then drains it
 * into the in-process S3 server through the Camel {@code LakeSinkRoute} and through {@link PlainSinkLoop}, in
 * the same JVM, alternately, and through {@link RawFloor} (the stages alone, no objects, no S3); prints rows/s for
 * the three, the ratios route / plain (target >= 0.9) and route / raw floor (aim >= 0.5), and the lake's bytes per
 * source CSV byte for each format.
 *
 * <pre>bench/sink.sh [ROWS, default 1200000] [--rounds N, default 2, after one warm-up round] [--s3-delay-ms N] [property=value ...]</pre>
 *
 * With {@code --s3-delay-ms}, the route then drains the topic again through a {@link DelayingProxy} that holds
 * every S3 request back that long, and prints its rate against its own rate without the delay.
 */
public final class SinkBenchmark {

    private static final String BUCKET = "bench-lake";
    private static final String KEY = "bench";
    private static final String SECRET = "bench-secret";
    private static final int FLUSH_ROWS = 20_000;
    private static final long FLUSH_MILLIS = 30_000;
    /** {@code property=value} arguments: application.properties overrides for the route (e.g. lake.upload-threads=1). */
    private static final Map<String, String> ROUTE_OVERRIDES = new HashMap<>();

    private SinkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 && !args[0].startsWith("--") ? ReplayBenchmark.parseCount(args[0]) : 1_200_000;
        int rounds = 2;
        long s3DelayMillis = 0;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--rounds")) {
                rounds = Integer.parseInt(args[i + 1]);
            }
            if (args[i].equals("--s3-delay-ms")) {
                s3DelayMillis = Long.parseLong(args[i + 1]);
            }
        }
        for (String arg : args) {
            if (arg.contains("=")) {
                ROUTE_OVERRIDES.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        Path target = Path.of("target").toAbsolutePath();
        Path file = ReplayBenchmark.dataFile(target, rows);
        Path work = Files.createTempDirectory(target, "sink-bench");
        say("machine: %s", ReplayBenchmark.machine());
        try (EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"), LoopbackPorts.free(), 3, TestKafka.USER, TestKafka.PASSWORD);
             EmbeddedS3 s3 = EmbeddedS3.start(work.resolve("s3"), LoopbackPorts.free(), KEY, SECRET, BUCKET);
             S3Client client = AwsClients.s3(s3.url(), "us-east-1", KEY, SECRET)) {
            String topic = "covid.bench";
            kafka.createTopics(3, topic);
            long sent = fill(kafka.clientProperties(), topic, file);
            say("topic %s filled with %,d rows from %s (%,d bytes of CSV)", topic, sent, file.getFileName(), Files.size(file));

            // round 0 warms the JIT up and is not counted; the order alternates so neither path always goes first
            double bestRoute = 0;
            double bestPlain = 0;
            double bestRaw = 0;
            for (int round = 0; round <= rounds; round++) {
                String name = "route-" + round;
                String plainName = "plain-" + round;
                String rawName = "raw-" + round;
                Work route = () -> drainWithRoute(kafka, s3.url(), topic, name, "parquet");
                Work plain = () -> {
                    try (RecordFormat format = RecordFormat.named("parquet")) {
                        PlainSinkLoop.drain(kafka.clientProperties(), topic, plainName, FLUSH_ROWS, FLUSH_MILLIS, format,
                                client, BUCKET, new ObjectKeys(plainName, topic), sent);
                    }
                    return null;
                };
                Work raw = () -> {
                    try (RecordFormat format = RecordFormat.named("parquet")) {
                        RawFloor.drain(kafka.clientProperties(), topic, rawName, FLUSH_ROWS, format, sent);
                    }
                    return null;
                };
                boolean routeFirst = round % 2 == 1;
                double first = timed(routeFirst ? "route" : "plain", round, sent, routeFirst ? route : plain);
                double second = timed(routeFirst ? "plain" : "route", round, sent, routeFirst ? plain : route);
                double floor = timed("raw", round, sent, raw);
                if (round > 0) {
                    bestRoute = Math.max(bestRoute, routeFirst ? first : second);
                    bestPlain = Math.max(bestPlain, routeFirst ? second : first);
                    bestRaw = Math.max(bestRaw, floor);
                }
            }
            double ratio = bestRoute / bestPlain;
            say("RESULT sink rows/s (best of %d rounds after a warm-up): route %,.0f (target>=150,000: %s), plain loop %,.0f,"
                    + " raw floor %,.0f", rounds, bestRoute, bestRoute >= 150_000 ? "MET" : "NOT MET", bestPlain, bestRaw);
            say("RESULT ratios: route/plain %.3f (target>=0.90: %s), route/raw floor %.3f (aim>=0.50: %s)", ratio,
                    ratio >= 0.9 ? "MET" : "NOT MET", bestRoute / bestRaw, bestRoute / bestRaw >= 0.5 ? "MET" : "NOT MET");

            if (s3DelayMillis > 0) {
                // the same route, every S3 request held back as a far-away S3 would
                try (DelayingProxy far = new DelayingProxy(Integer.parseInt(s3.url().replaceAll(".*:", "")), s3DelayMillis)) {
                    double delayed = 0;
                    for (int round = 1; round <= rounds; round++) {
                        String name = "far-" + round;
                        delayed = Math.max(delayed, timed("route+" + s3DelayMillis + "ms", round, sent,
                                () -> drainWithRoute(kafka, far.url(), topic, name, "parquet")));
                    }
                    double kept = delayed / bestRoute;
                    say("RESULT sink rows/s with %d ms on every S3 request (best of %d): route %,.0f, %.3f of its rate "
                            + "without delay, target>=0.70: %s", s3DelayMillis, rounds, delayed, kept, kept >= 0.7 ? "MET" : "NOT MET");
                }
            }

            timed("route", 0, sent, () -> drainWithRoute(kafka, s3.url(), topic, "jsonl", "jsonl.gz"));
            long csvBytes = Files.size(file);
            for (String prefix : List.of("route-0", "jsonl")) {
                long bytes = bytesUnder(work.resolve("s3").resolve(BUCKET).resolve(prefix));
                say("RESULT lake bytes %s: %,d bytes for %,d rows = %.1f bytes/row, %.3f of the CSV's bytes%s",
                        prefix.equals("jsonl") ? "jsonl.gz" : "parquet", bytes, sent, (double) bytes / sent,
                        (double) bytes / csvBytes, prefix.equals("jsonl") ? "" : " (target <= 0.2)");
            }
        } finally {
            Directories.deleteTree(work);
        }
    }

    /** Sends the file's rows as the replay does (JSON, keyed by fips), as fast as the broker takes them. */
    static long fill(Map<String, Object> broker, String topic, Path file) {
        Map<String, Object> config = new HashMap<>(broker);
        config.putAll(Map.of(
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 262144,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"));
        long sent = 0;
        java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
             ReplayFile replay = ReplayFile.open(file, ReplayIdentity.of(file, "1"), ResumePoint.nothingSent(null), new ReplayPacer(0, 0, Map.of()), 5000)) {
            while (replay.hasNext()) {
                for (var row : replay.next().rows()) {
                    producer.send(new ProducerRecord<>(topic, row.key(), CountyJson.encode(row)), (meta, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
                    sent++;
                }
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("filling the topic failed: " + failure.get().getMessage(), failure.get());
        }
        return sent;
    }

    /**
     * Runs one sink instance (the production route) in its own group until the group has committed everything.
     * Returns then: Camel's shutdown (up to a poll timeout) is not part of the drain.
     */
    static Runnable drainWithRoute(EmbeddedKafka kafka, String s3Url, String topic, String name, String format)
            throws Exception {
        Map<String, String> p = new HashMap<>();
        p.put("pipeline.routes", "sink");
        p.put("kafka.brokers", kafka.bootstrap());
        p.put("kafka.topic", topic);
        p.put("kafka.dlq-topic", topic + ".dlq");
        p.put("lake.group-id", name);
        p.put("lake.prefix", name);
        p.put("lake.format", format);
        p.put("lake.bucket", BUCKET);
        p.put("lake.flush-rows", Integer.toString(FLUSH_ROWS));
        p.put("lake.flush-interval", FLUSH_MILLIS + "ms");
        p.put("lake.s3.endpoint", s3Url);
        p.put("lake.s3.access-key", KEY);
        p.put("lake.s3.secret-key", SECRET);
        // no Glue here: registering partitions would only cost a failing call per date
        p.put("lake.register-partitions", "false");
        p.putAll(ROUTE_OVERRIDES);
        LakeCatchUp catchUp = new LakeCatchUp(kafka.clientProperties(), topic, name);
        SinkInstance sink = new SinkInstance(p);
        try {
            while (catchUp.lag() > 0) {
                Thread.sleep(100);
            }
        } finally {
            catchUp.stop();
        }
        return sink::close;
    }

    /** Timed work; what it returns runs after the clock stops (a clean-up). */
    interface Work {
        Runnable run() throws Exception;
    }

    static double timed(String path, int round, long rows, Work work) throws Exception {
        long start = System.nanoTime();
        Runnable cleanUp = work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (cleanUp != null) {
            cleanUp.run();
        }
        double rate = rows / seconds;
        say("%-5s round %d: %,d rows in %.2f s = %,.0f rows/s", path, round, rows, seconds, rate);
        return rate;
    }

    static long bytesUnder(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
