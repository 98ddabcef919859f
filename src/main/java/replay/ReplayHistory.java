package replay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads back from the topics where a replay stands, as a {@link ResumePoint}. The messages are the only
 * record of it: each carries its replay ({@link ReplayIdentity#HEADER}), its line and the line up to which
 * the replay had every line acknowledged when it was sent ({@link ReplayMessages#ACKED_HEADER}). A plain
 * consumer reads the end of each partition, so it works the same on any Kafka, MSK included.
 *
 * <p>The largest acknowledged line found is where the replay goes on; the lines past it that are on the
 * topics already are found by reading each partition back to the first of the replay's messages at or before
 * that line. That is exact because within a partition a replay's lines only ever grow: a replay sends in
 * file order, and a resumed one first sends everything up to the last line already there
 * ({@link ResumePoint#sentThrough()}) before it acknowledges a larger line.
 */
public final class ReplayHistory {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayHistory.class);
    private static final int FIRST_WINDOW = 1_000;
    private static final int LARGEST_WINDOW = 256_000;

    private final Map<String, Object> kafkaConfig;
    private final List<String> topics;
    private final Duration timeout;

    public ReplayHistory(Map<String, Object> kafkaConfig, List<String> topics, Duration timeout) {
        this.kafkaConfig = kafkaConfig;
        this.topics = topics;
        this.timeout = timeout;
    }

    /** One of a replay's messages, as read back. */
    record Sent(ReplayIdentity replay, long line, long acked, long offset, long time) {
    }

    public ResumePoint find(ReplayIdentity replay) {
        long started = System.currentTimeMillis();
        try (Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(config(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            Reader reader = new Reader(consumer);
            // the newest message of this replay in each partition: the largest acknowledged line is among them
            long ackedThrough = ResumePoint.HEADER_LINE;
            Map<TopicPartition, Long> newestOfReplay = new HashMap<>();
            Sent newestOnTopic = null;
            for (TopicPartition partition : reader.partitions()) {
                Sent[] newestAny = new Sent[1];
                Sent newest = reader.back(partition, reader.end(partition), sent -> {
                    if (newestAny[0] == null) {
                        newestAny[0] = sent;
                    }
                    return replay.sameReplay(sent.replay());
                });
                if (newestAny[0] != null && (newestOnTopic == null || newestAny[0].time() > newestOnTopic.time())) {
                    newestOnTopic = newestAny[0];
                }
                if (newest != null) {
                    newestOfReplay.put(partition, newest.offset());
                    ackedThrough = Math.max(ackedThrough, newest.acked());
                }
            }
            long acked = ackedThrough;
            Set<Long> sentAfter = new HashSet<>();
            for (Map.Entry<TopicPartition, Long> partition : newestOfReplay.entrySet()) {
                reader.back(partition.getKey(), partition.getValue() + 1, sent -> {
                    if (!replay.sameReplay(sent.replay())) {
                        return false;
                    }
                    if (sent.line() <= acked) {
                        return true;
                    }
                    sentAfter.add(sent.line());
                    return false;
                });
            }
            if (reader.read > 0) {
                LOG.info("Read {} messages of {} back in {} ms to find where the replay stands", reader.read, topics,
                        System.currentTimeMillis() - started);
            }
            return new ResumePoint(acked, sentAfter, newestOnTopic == null ? null : newestOnTopic.replay());
        }
    }

    private Map<String, Object> config() {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 << 20);
        // it reads to the end of a partition and moves on: a fetch the broker holds back for new data
        // (500 ms by default) would delay each next read
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return config;
    }

    /** Reads partitions backwards, in growing windows, looking only at the headers. */
    private final class Reader {

        private final Consumer<byte[], byte[]> consumer;
        private final Map<TopicPartition, Long> begin;
        private final Map<TopicPartition, Long> end;
        private long read;
        private byte[] lastHeader;
        private ReplayIdentity lastReplay;

        Reader(Consumer<byte[], byte[]> consumer) {
            this.consumer = consumer;
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            this.begin = consumer.beginningOffsets(partitions);
            this.end = consumer.endOffsets(partitions);
        }

        List<TopicPartition> partitions() {
            return List.copyOf(end.keySet());
        }

        long end(TopicPartition partition) {
            return end.get(partition);
        }

        /**
         * Offers the replay messages before offset {@code until}, newest first, until {@code enough} accepts
         * one, which it returns; null when the partition's start came first.
         */
        Sent back(TopicPartition partition, long until, Predicate<Sent> enough) {
            long first = begin.get(partition);
            long windowEnd = until;
            int window = FIRST_WINDOW;
            while (windowEnd > first) {
                long windowStart = Math.max(first, windowEnd - window);
                List<Sent> sent = read(partition, windowStart, windowEnd);
                for (int i = sent.size() - 1; i >= 0; i--) {
                    if (enough.test(sent.get(i))) {
                        return sent.get(i);
                    }
                }
                windowEnd = windowStart;
                window = Math.min(window * 4, LARGEST_WINDOW);
            }
            return null;
        }

        private List<Sent> read(TopicPartition partition, long from, long to) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, from);
            long deadline = System.currentTimeMillis() + timeout.toMillis();
            List<Sent> sent = new ArrayList<>();
            while (consumer.position(partition) < to) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("could not read " + partition + " back from offset " + from
                            + " within " + timeout.toSeconds() + " s to find where the replay stands");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() >= to) {
                        break;
                    }
                    read++;
                    ReplayIdentity replay = replay(record);
                    if (replay != null) {
                        sent.add(new Sent(replay, number(record, ReplayMessages.LINE_HEADER),
                                number(record, ReplayMessages.ACKED_HEADER), record.offset(), record.timestamp()));
                    }
                }
            }
            return sent;
        }

        // a partition holds long runs of one replay: parse its header once per run
        private ReplayIdentity replay(ConsumerRecord<byte[], byte[]> record) {
            Header header = record.headers().lastHeader(ReplayIdentity.HEADER);
            if (header == null || record.headers().lastHeader(ReplayMessages.ACKED_HEADER) == null) {
                return null;
            }
            if (!Arrays.equals(header.value(), lastHeader)) {
                lastHeader = header.value();
                lastReplay = ReplayIdentity.parse(lastHeader);
            }
            return lastReplay;
        }

        private static long number(ConsumerRecord<byte[], byte[]> record, String name) {
            Header header = record.headers().lastHeader(name);
            try {
                return header == null ? -1 : Long.parseLong(new String(header.value(), StandardCharsets.UTF_8));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
