package bench;

import static bench.ReplayBenchmark.say;

import app.PipelineMain;
import aws.AwsClients;
import covid.CountyJson;
import local.Directories;
import local.EmbeddedKafka;
import local.LoopbackPorts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.util.TimeUtils;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.Row;

/**
 * The freshness benchmark: how long a row takes from the replay's send to an Athena answer, in a paced live run.
 * It runs the default all-in-one pipeline ({@link PipelineMain#run}, local stack included) on the real 30-day slice,
 * paced, and meanwhile reads the topic (each record's timestamp is when the replay sent it) and asks the emulator's
 * Athena, again and again, how many rows each date has. When a date's count grows from {@code a} to {@code b}, its
 * rows {@code a..b-1} in send order became queryable then: the sink cuts batches by time across partitions, so the
 * rows it stores first are the ones sent first. Prints p50, p99 and the largest delay, against the target
 * {@code lake.flush-interval} + 10 s.
 *
 * <pre>bench/freshness.sh [--seconds-per-day N, default 2] [property=value ...]</pre>
 */
public final class FreshnessBenchmark {

    private static final Duration PROBE_EVERY = Duration.ofMillis(500);
    private static final Duration TARGET_SLACK = Duration.ofSeconds(10);

    private FreshnessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Object> overrides = new HashMap<>();
        String secondsPerDay = "2";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seconds-per-day")) {
                secondsPerDay = args[++i];
            } else if (args[i].contains("=")) {
                overrides.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("usage: bench/freshness.sh [--seconds-per-day N] [property=value ...]");
            }
        }
        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "freshness");
        int kafkaPort = LoopbackPorts.free();
        int awsPort = LoopbackPorts.free();
        overrides.putIfAbsent("replay.file", BigCsv.defaultSource().toString());
        overrides.putIfAbsent("replay.seconds-per-day", secondsPerDay);
        overrides.put("local.data-dir", work.toString());
        overrides.put("local.kafka.port", Integer.toString(kafkaPort));
        overrides.put("local.s3.port", Integer.toString(LoopbackPorts.free()));
        overrides.put("local.aws.port", Integer.toString(awsPort));
        overrides.put("camel.management.port", Integer.toString(LoopbackPorts.free()));
        Duration flushInterval = Duration.ofMillis(TimeUtils.toMilliSeconds(
                String.valueOf(overrides.getOrDefault("lake.flush-interval", "30s"))));
        Duration target = flushInterval.plus(TARGET_SLACK);
        say("machine: %s", ReplayBenchmark.machine());
        say("freshness: the default run on %s, replay.seconds-per-day=%s, lake.flush-interval=%ds; overrides %s",
                overrides.get("replay.file"), overrides.get("replay.seconds-per-day"), flushInterval.toSeconds(), overrides);

        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> PipelineMain.run(overrides));
        List<Long> delays = new ArrayList<>();
        try (KafkaConsumer<String, String> topic = sentRows(kafkaPort);
             AthenaClient athena = AwsClients.athena("http://127.0.0.1:" + awsPort, "us-east-1", "local", "local-secret")) {
            Map<LocalDate, List<Long>> sentAt = new TreeMap<>();
            Map<LocalDate, Integer> seen = new HashMap<>();
            long sent = 0;
            long probes = 0;
            while (!run.isDone() || seenTotal(seen) < sent) {
                // the whole topic so far, before the counts: a count may only meet rows whose send is known
                for (var records = topic.poll(Duration.ofMillis(50)); !records.isEmpty(); records = topic.poll(Duration.ZERO)) {
                    for (ConsumerRecord<String, String> record : records) {
                        sentAt.computeIfAbsent(CountyJson.decode(record.value()).date(), d -> new ArrayList<>()).add(record.timestamp());
                        sent++;
                    }
                }
                Map<LocalDate, Integer> counts = countsByDate(athena);
                long now = System.currentTimeMillis();
                probes++;
                counts.forEach((date, count) -> {
                    List<Long> times = sentAt.computeIfAbsent(date, d -> new ArrayList<>());
                    Collections.sort(times);
                    for (int rank = seen.getOrDefault(date, 0); rank < Math.min(count, times.size()); rank++) {
                        delays.add(now - times.get(rank));
                    }
                    seen.merge(date, Math.min(count, times.size()), Math::max);
                });
                if (run.isDone() && counts.isEmpty()) {
                    break;
                }
                Thread.sleep(PROBE_EVERY.toMillis());
            }
            int exit = run.get();
            Collections.sort(delays);
            say("%,d rows sent, %,d seen in Athena answers over %,d probes (one every %d ms, so a delay is known to"
                    + " within about that); the run exited %d", sent, delays.size(), probes, PROBE_EVERY.toMillis(), exit);
            if (delays.isEmpty()) {
                throw new IllegalStateException("no row became queryable: see the run's log above");
            }
            double p99 = percentile(delays, 0.99);
            say("RESULT freshness from the replay's send to an Athena answer: p50 %.1f s, p99 %.1f s, max %.1f s;"
                    + " target p99 <= lake.flush-interval + 10 s = %d s: %s", percentile(delays, 0.5), p99,
                    delays.get(delays.size() - 1) / 1000.0, target.toSeconds(), p99 <= target.toSeconds() ? "MET" : "NOT MET");
        } finally {
            Directories.deleteTree(work);
        }
    }

    /** Reads the topic from its start, whenever it exists: the replay creates it. */
    private static KafkaConsumer<String, String> sentRows(int kafkaPort) {
        Map<String, Object> config = new HashMap<>(EmbeddedKafka.clientProperties("127.0.0.1:" + kafkaPort, "local", "local-secret"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "freshness-bench");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20_000);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("covid.us-counties"));
        return consumer;
    }

    /** The rows per date that Athena answers now; none while the table or the stack is not there yet. */
    private static Map<LocalDate, Integer> countsByDate(AthenaClient athena) {
        try {
            String id = athena.startQueryExecution(q -> q.queryString(
                            "SELECT CAST(\"date\" AS varchar), count(*) FROM us_counties GROUP BY 1")
                    .queryExecutionContext(c -> c.database("covid"))
                    .resultConfiguration(r -> r.outputLocation("s3://covid-lake/athena-results/"))).queryExecutionId();
            QueryExecutionState state;
            do {
                Thread.sleep(20);
                state = athena.getQueryExecution(q -> q.queryExecutionId(id)).queryExecution().status().state();
            } while (state == QueryExecutionState.QUEUED || state == QueryExecutionState.RUNNING);
            Map<LocalDate, Integer> counts = new HashMap<>();
            if (state == QueryExecutionState.SUCCEEDED) {
                List<Row> rows = athena.getQueryResults(q -> q.queryExecutionId(id)).resultSet().rows();
                for (Row row : rows.subList(1, rows.size())) {
                    counts.put(LocalDate.parse(row.data().get(0).varCharValue()), Integer.parseInt(row.data().get(1).varCharValue()));
                }
            }
            return counts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private static long seenTotal(Map<LocalDate, Integer> seen) {
        return seen.values().stream().mapToLong(Integer::longValue).sum();
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1000.0;
    }
}
