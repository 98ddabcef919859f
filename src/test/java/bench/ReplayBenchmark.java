package bench;

import app.PipelineMain;
import covid.CountyJson;
import covid.CountyRow;
import covid.RowRejection;
import local.Directories;
import local.EmbeddedKafka;
import local.LoopbackPorts;
import replay.ReplayChunk;
import replay.ReplayFile;
import replay.ReplayIdentity;
import replay.ResumePoint;
import replay.ReplayMessages;
import replay.ReplayPacer;
import support.TestKafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The replay benchmark: replays a large generated county CSV unthrottled into an in-process Kafka broker, through
 * the Camel app ({@link PipelineMain#run} with {@code pipeline.routes=replay}: the production
 * {@code routes.ReplayRoute} and application.properties) and through a plain kafka-clients producer loop that does
 * the same parse-validate-encode-send work on the same file and broker, in one JVM, and prints both rates and their
 * ratio (target: route / plain >= 0.9).
 *
 * <pre>bench/replay.sh [ROWS] [--rounds N] [--warmup-rows N] [property=value ...]</pre>
 *
 * {@code property=value} arguments override application.properties for the route (e.g. {@code replay.batch-rows=5000});
 * the plain loop takes the same {@code replay.batch-rows} and {@code kafka.producer.*} values, so both always run
 * with the same settings.
 */
public final class ReplayBenchmark {

    static final int PARTITIONS = 3;
    static final double TARGET = 0.9;
    /** The paths of one round, in the order of odd rounds. */
    static final List<String> PATHS = List.of("route", "plain");

    private ReplayBenchmark() {
    }

    /** One timed replay. */
    record Run(String path, int round, long rows, long rejected, long millis, long wallMillis, double cores) {
        double rate() {
            return rows * 1000.0 / Math.max(millis, 1);
        }

        String line() {
            String wall = wallMillis > 0 ? String.format("  (Camel run incl. start/stop: %.2f s)", wallMillis / 1000.0) : "";
            return String.format("%-9s round %d: %,d rows in %6.2f s = %,8.0f rows/s  [JVM busy %.1f of %d cores]%s",
                    path, round, rows, millis / 1000.0, rate(), cores, Runtime.getRuntime().availableProcessors(), wall);
        }
    }

    public static void main(String[] args) throws Exception {
        long rows = BigCsv.DEFAULT_ROWS;
        long warmupRows = 1_000_000;
        int rounds = 2;
        Map<String, Object> settings = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--rounds")) {
                rounds = Integer.parseInt(args[++i]);
            } else if (arg.equals("--warmup-rows")) {
                warmupRows = parseCount(args[++i]);
            } else if (arg.equals("-h") || arg.equals("--help")) {
                System.out.println("usage: bench/replay.sh [ROWS, default 2500000] [--rounds N, default 2]"
                        + " [--warmup-rows N, default 1000000] [property=value ...]");
                return;
            } else if (arg.contains("=")) {
                settings.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                rows = parseCount(arg);
            }
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be >= 1");
        }
        System.exit(run(rows, warmupRows, rounds, settings));
    }

    static int run(long rows, long warmupRows, int rounds, Map<String, Object> settings) throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        Path file = dataFile(target, rows);
        Path warmupFile = warmupRows > 0 ? dataFile(target, warmupRows) : null;
        ProducerSettings producer = ProducerSettings.of(settings);

        say("replay benchmark: %,d rows from %s (%,d MB), unthrottled, in-process broker, topics with %d partitions",
                rows, target.relativize(file), Files.size(file) >> 20, PARTITIONS);
        say("machine: %s", machine());
        say("settings (route and plain alike): replay.batch-rows=%d, linger.ms=%d, batch.size=%d, compression.type=%s,"
                + " enable.idempotence=true, acks=all%s", producer.batchRows, producer.lingerMs, producer.batchBytes,
                producer.compression, settings.isEmpty() ? "" : "; overrides " + settings);

        Map<String, List<Run>> runs = new LinkedHashMap<>();
        PATHS.forEach(p -> runs.put(p, new ArrayList<>()));

        Path brokerDir = Files.createTempDirectory(target, "bench-kafka-");
        long benchStart = System.currentTimeMillis();
        boolean ok = true;
        EmbeddedKafka kafka = EmbeddedKafka.start(brokerDir, LoopbackPorts.free(), PARTITIONS, TestKafka.USER, TestKafka.PASSWORD);
        try {
            if (warmupFile != null) {
                say("warm-up on %,d rows (JIT, heap; not counted)", warmupRows);
                for (String path : PATHS) {
                    Run r = runPath(path, kafka, warmupFile, 0, producer, settings);
                    say("  %s", r.line());
                    ok &= check(r, warmupRows);
                }
            }
            for (int round = 1; round <= rounds; round++) {
                // each round runs the paths in the opposite order to the one before, so that neither always
                // runs on the warmest JIT
                List<String> order = new ArrayList<>(PATHS);
                if (round % 2 == 0) {
                    Collections.reverse(order);
                }
                for (String path : order) {
                    Run r = runPath(path, kafka, file, round, producer, settings);
                    runs.get(path).add(r);
                    say("%s", r.line());
                    ok &= check(r, rows);
                }
            }
            Run parse = parseOnly(file, producer.batchRows);
            say("reference, no Kafka: parse + validate + JSON of the same file: %,d rows in %.2f s = %,.0f rows/s",
                    parse.rows, parse.millis / 1000.0, parse.rate());
            say("records on the topics: %s (file: %,d rows)", runs.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue().stream().map(r -> String.format("%,d", r.rows))
                            .collect(Collectors.joining(" / "))).collect(Collectors.joining(", ")), rows);
        } finally {
            kafka.close();
            Directories.deleteTree(brokerDir);
        }

        double plain = best(runs.get("plain")).rate();
        double route = best(runs.get("route")).rate();
        double ratio = route / plain;
        say("RESULT rows=%,d  route=%,.0f rows/s  plain=%,.0f rows/s  (best of %d each)  ratio route/plain=%.2f"
                + "  target>=%.2f: %s", rows, route, plain, rounds, ratio, TARGET, ratio >= TARGET ? "MET" : "NOT MET");
        if (rounds > 1) {
            StringBuilder perRound = new StringBuilder();
            for (int i = 0; i < rounds; i++) {
                perRound.append(String.format(" %.2f", runs.get("route").get(i).rate() / runs.get("plain").get(i).rate()));
            }
            say("ratio route/plain per round:%s", perRound);
        }
        say("total benchmark time %.0f s", (System.currentTimeMillis() - benchStart) / 1000.0);
        if (!ok) {
            say("FAILED: a path did not put every row of the file on its topic (see above)");
            return 1;
        }
        return 0;
    }

    static Run best(List<Run> runs) {
        return runs.stream().max(Comparator.comparingDouble(Run::rate)).orElseThrow();
    }

    /** Every row of the file is on the topic or, rejected, on the dead-letter topic. */
    static boolean check(Run r, long fileRows) {
        if (r.rows + r.rejected == fileRows) {
            return true;
        }
        say("ERROR: %s round %d: %,d records on the topic + %,d on the dead-letter topic, expected %,d in all",
                r.path, r.round, r.rows, r.rejected, fileRows);
        return false;
    }

    static Run runPath(String path, EmbeddedKafka kafka, Path file, int round, ProducerSettings producer,
                       Map<String, Object> settings) {
        String topic = "bench." + path + "." + (round == 0 ? "warmup" : round);
        return path.equals("plain") ? plain(kafka, file, topic, round, producer) : route(kafka, file, topic, round, settings);
    }

    /**
     * The Camel app as users run it, {@link PipelineMain#run}, with only the replay route
     * ({@code pipeline.routes=replay}: the lake sink would compete for the same cores and is not what this
     * measures), pointed at the benchmark's broker, file and topic, unthrottled; timed by {@link RouteTimer},
     * which the app gets as a bean through a property.
     */
    static Run route(EmbeddedKafka kafka, Path file, String topic, int round, Map<String, Object> settings) {
        createTopics(kafka, topic, topic + ".dlq");
        Map<String, Object> overrides = new HashMap<>(settings);
        overrides.put("local.enabled", "false");
        overrides.put("local.keep-running", "false");
        overrides.put("pipeline.routes", "replay");
        overrides.put("kafka.brokers", kafka.bootstrap());
        overrides.put("kafka.topic", topic);
        overrides.put("kafka.dlq-topic", topic + ".dlq");
        overrides.put("replay.file", file.toString());
        overrides.put("replay.rows-per-second", "0");
        overrides.put("replay.seconds-per-day", "0");
        overrides.put("camel.beans.benchRouteTimer", "#class:" + RouteTimer.class.getName());

        System.gc();
        RouteTimer.reset();
        long wallStart = System.currentTimeMillis();
        long cpuStart = processCpuNanos();
        int exit = PipelineMain.run(overrides);
        long wall = System.currentTimeMillis() - wallStart;
        double cores = (processCpuNanos() - cpuStart) / 1e6 / Math.max(wall, 1);
        long millis = RouteTimer.elapsedMillis();
        if (exit != 0 || millis < 0) {
            throw new IllegalStateException("the Camel replay into " + topic + " failed: exit code " + exit
                    + (millis < 0 ? ", the replay exchange did not complete" : ""));
        }
        return new Run("route", round, records(kafka, topic), records(kafka, topic + ".dlq"), millis, wall, cores);
    }

    /**
     * The baseline: what the route does, without Camel. The same reader (ReplayFile: commons-csv by header,
     * CountyRowParser), the same JSON, key and header, a plain KafkaProducer with the route's settings, async
     * sends with a callback, timed from opening the file to the last acknowledgement.
     */
    static Run plain(EmbeddedKafka kafka, Path file, String topic, int round, ProducerSettings settings) {
        String dlq = topic + ".dlq";
        createTopics(kafka, topic, dlq);
        AtomicLong acked = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Callback callback = (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            } else {
                acked.incrementAndGet();
            }
        };
        long sent = 0;
        long rejected = 0;
        long millis;
        long cpuStart;
        double cores;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings.producerProperties(kafka.clientProperties()))) {
            System.gc();
            long start = System.currentTimeMillis();
            cpuStart = processCpuNanos();
            try (ReplayFile replay = ReplayFile.open(file, ReplayIdentity.of(file, "1"), ResumePoint.nothingSent(null), new ReplayPacer(0, 0, Map.of()), settings.batchRows)) {
                while (replay.hasNext()) {
                    ReplayChunk chunk = replay.next();
                    // the same headers as the route's messages
                    RecordHeader replayHeader = new RecordHeader(ReplayIdentity.HEADER,
                            chunk.replay().header().getBytes(StandardCharsets.UTF_8));
                    RecordHeader ackedHeader = new RecordHeader(ReplayMessages.ACKED_HEADER,
                            Long.toString(chunk.ackedThrough()).getBytes(StandardCharsets.UTF_8));
                    for (CountyRow row : chunk.rows()) {
                        List<Header> headers = List.of(new RecordHeader(ReplayMessages.LINE_HEADER,
                                Long.toString(row.line()).getBytes(StandardCharsets.UTF_8)), replayHeader, ackedHeader);
                        producer.send(new ProducerRecord<>(topic, null, row.key(), CountyJson.encode(row), headers), callback);
                        sent++;
                    }
                    for (RowRejection rejection : chunk.rejections()) {
                        StringBuilder json = new StringBuilder(160);
                        CountyJson.string(json.append("{\"source\":"), chunk.replay().fileName());
                        json.append(",\"line\":").append(rejection.line());
                        CountyJson.string(json.append(",\"reason\":"), rejection.reason());
                        CountyJson.string(json.append(",\"raw\":"), rejection.raw());
                        producer.send(new ProducerRecord<>(dlq, chunk.replay().fileName() + ":" + rejection.line(),
                                json.append('}').toString()), callback);
                        rejected++;
                    }
                }
            }
            producer.flush();
            millis = System.currentTimeMillis() - start;
            cores = (processCpuNanos() - cpuStart) / 1e6 / Math.max(millis, 1);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("plain producer into " + topic + " failed: " + failure.get(), failure.get());
        }
        if (acked.get() != sent + rejected) {
            throw new IllegalStateException("plain producer: " + acked.get() + " acks for " + (sent + rejected) + " sends");
        }
        return new Run("plain", round, records(kafka, topic), rejected, millis, 0, cores);
    }

    /** No Kafka at all: the ceiling both paths share. */
    static Run parseOnly(Path file, int batchRows) {
        System.gc();
        long start = System.currentTimeMillis();
        long cpuStart = processCpuNanos();
        long rows = 0;
        long chars = 0;
        try (ReplayFile replay = ReplayFile.open(file, ReplayIdentity.of(file, "1"), ResumePoint.nothingSent(null), new ReplayPacer(0, 0, Map.of()), batchRows)) {
            while (replay.hasNext()) {
                for (CountyRow row : replay.next().rows()) {
                    chars += CountyJson.encode(row).length() + row.key().length();
                    rows++;
                }
            }
        }
        if (chars == 0 && rows > 0) {
            throw new AssertionError(); // keeps the JIT from dropping the encoding
        }
        long millis = System.currentTimeMillis() - start;
        return new Run("parse", 0, rows, 0, millis, 0, (processCpuNanos() - cpuStart) / 1e6 / Math.max(millis, 1));
    }

    /**
     * Creates the topics and waits until the broker leads every partition. A producer that sends to a topic
     * created a moment ago gets NOT_LEADER_OR_FOLLOWER for its first batches, and an idempotent producer can
     * then wedge in OutOfOrderSequenceException retries until delivery.timeout.ms (seen here: 2 minutes).
     */
    static void createTopics(EmbeddedKafka kafka, String... topics) {
        kafka.createTopics(PARTITIONS, topics);
        long deadline = System.currentTimeMillis() + 30_000;
        for (String topic : topics) {
            while (true) {
                try {
                    records(kafka, topic); // ListOffsets is answered by the partition leader only
                    break;
                } catch (IllegalStateException e) {
                    if (System.currentTimeMillis() > deadline) {
                        throw e;
                    }
                    sleep(50);
                }
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Records on the topic: the sum of its partitions' end offsets (no transactions, nothing deleted). */
    static long records(EmbeddedKafka kafka, String topic) {
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < PARTITIONS; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException("cannot count the records of " + topic + ": " + e.getMessage(), e);
        }
    }

    /** The route's producer settings (application.properties defaults, or the benchmark's overrides). */
    record ProducerSettings(int batchRows, int lingerMs, int batchBytes, String compression) {
        static ProducerSettings of(Map<String, Object> overrides) {
            Properties defaults = new Properties();
            try (var in = ReplayBenchmark.class.getResourceAsStream("/application.properties")) {
                defaults.load(in);
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("application.properties is not on the classpath", e);
            }
            java.util.function.Function<String, String> get = key ->
                    String.valueOf(overrides.getOrDefault(key, defaults.getProperty(key))).trim();
            return new ProducerSettings(Integer.parseInt(get.apply("replay.batch-rows")),
                    Integer.parseInt(get.apply("kafka.producer.linger-ms")),
                    Integer.parseInt(get.apply("kafka.producer.batch-bytes")),
                    get.apply("kafka.producer.compression"));
        }

        Properties producerProperties(Map<String, Object> broker) {
            Properties p = new Properties();
            p.putAll(broker);
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(lingerMs));
            p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(batchBytes));
            p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
            return p;
        }
    }

    /** The benchmark's data file under target/bench/, generated on first use. */
    static Path dataFile(Path target, long rows) {
        Path file = target.resolve("bench").resolve("us-counties-" + rows + ".csv");
        if (!Files.isRegularFile(file)) {
            long start = System.currentTimeMillis();
            Path source = BigCsv.defaultSource();
            BigCsv.generate(source, file, rows);
            say("generated %s: %,d rows from %s in %.1f s", target.relativize(file), rows, source,
                    (System.currentTimeMillis() - start) / 1000.0);
        }
        return file;
    }

    static String machine() {
        Runtime rt = Runtime.getRuntime();
        String cpu = "";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim() + ", ").orElse("");
        } catch (IOException | UncheckedIOException e) {
            // not Linux
        }
        String gcs = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining("/"));
        return String.format("%d cores (%s%s %s), Java %s (%s %s), max heap %d MB, GC %s", rt.availableProcessors(),
                cpu, System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"), rt.maxMemory() >> 20, gcs);
    }

    /** CPU time of the whole JVM (all threads, the broker's too), to tell CPU-bound from waiting. */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    static long parseCount(String text) {
        return Long.parseLong(text.replace("_", "").replace(",", ""));
    }

    static void say(String format, Object... args) {
        System.out.println("BENCH " + String.format(format, args));
        System.out.flush();
    }
}
