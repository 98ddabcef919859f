package support;

import covid.CountyRow;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import replay.ReplayMessages;

/** Counts what a crash test left behind: each thing expected once, how many are there twice, how many not at all. */
public record ExactlyOnce(String what, long expected, long found, long duplicates, long missing) {

    /** The lines of the CSV file whose messages are on the topic, by their {@code source.line} header. */
    public static ExactlyOnce linesOnTopic(Map<String, Object> kafka, String topic, Collection<Long> expectedLines) {
        List<Long> lines = new ArrayList<>();
        for (ConsumerRecord<String, String> record : readAll(kafka, topic)) {
            Header line = record.headers().lastHeader(ReplayMessages.LINE_HEADER);
            lines.add(line == null ? -1 : Long.parseLong(new String(line.value(), StandardCharsets.UTF_8)));
        }
        return count("lines on " + topic, expectedLines, lines, Function.identity());
    }

    /** The CSV's rows in the lake, compared as values (the lake does not keep the line). */
    public static ExactlyOnce rowsInLake(List<CountyRow> expected, List<CountyRow> lake) {
        Function<CountyRow, CountyRow> withoutLine = r -> new CountyRow(0, r.date(), r.county(), r.state(), r.fips(),
                r.cases(), r.deaths());
        return count("rows in the lake", expected.stream().map(withoutLine).toList(), lake, withoutLine);
    }

    private static <T> ExactlyOnce count(String what, Collection<T> expected, Collection<T> found, Function<T, T> key) {
        Map<T, Integer> wanted = new HashMap<>();
        expected.forEach(e -> wanted.merge(key.apply(e), 1, Integer::sum));
        Map<T, Integer> seen = new HashMap<>();
        found.forEach(f -> seen.merge(key.apply(f), 1, Integer::sum));
        long duplicates = 0;
        long missing = 0;
        for (Map.Entry<T, Integer> entry : wanted.entrySet()) {
            int times = seen.getOrDefault(entry.getKey(), 0);
            duplicates += Math.max(0, times - entry.getValue());
            missing += Math.max(0, entry.getValue() - times);
        }
        for (Map.Entry<T, Integer> entry : seen.entrySet()) {
            if (!wanted.containsKey(entry.getKey())) {
                duplicates += entry.getValue(); // not expected at all: one too many
            }
        }
        return new ExactlyOnce(what, expected.size(), found.size(), duplicates, missing);
    }

    public boolean exact() {
        return duplicates == 0 && missing == 0 && found == expected;
    }

    @Override
    public String toString() {
        return String.format("%s: %,d expected, %,d found, %d duplicates, %d missing", what, expected, found, duplicates, missing);
    }

    /** Every record of the topic, from its start to its end as it is now. */
    private static List<ConsumerRecord<String, String>> readAll(Map<String, Object> kafka, String topic) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 60_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within 60 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
