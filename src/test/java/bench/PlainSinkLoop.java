package bench;

import covid.CountyJson;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lake.LakeObjectPlan;
import lake.LakePartitioner;
import lake.LakeRecord;
import lake.ObjectKeys;
import lake.RecordFormat;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The sink benchmark's baseline: a plain kafka-clients consumer loop doing the sink's work with the same
 * pieces (decode, partition by partition and date, encode with the same format, put to the same S3,
 * commit after upload), without Camel. Batches are cut as the route's batching Kafka consumer cuts them:
 * at {@code flushRows} records, or when a poll comes back empty, or {@code flushMillis} after the last batch.
 */
final class PlainSinkLoop {

    private PlainSinkLoop() {
    }

    /** Drains {@code rows} records of the topic into the lake; returns the rows stored. */
    static long drain(Map<String, Object> broker, String topic, String group, int flushRows, long flushMillis, RecordFormat format,
                      S3Client s3, String bucket, ObjectKeys keys, long rows) {
        long stored = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(broker, group, flushRows),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<LakeRecord> batch = new ArrayList<>(flushRows);
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            long lastFlush = System.currentTimeMillis();
            while (stored < rows) {
                ConsumerRecords<String, String> polled = consumer.poll(Duration.ofMillis(1000));
                if (!batch.isEmpty() && (polled.isEmpty() || System.currentTimeMillis() - lastFlush >= flushMillis)) {
                    stored += store(batch, offsets, consumer, format, s3, bucket, keys);
                    lastFlush = System.currentTimeMillis();
                }
                for (ConsumerRecord<String, String> record : polled) {
                    batch.add(new LakeRecord(record.partition(), record.offset(), CountyJson.decode(record.value())));
                    offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
                    if (batch.size() >= flushRows) {
                        stored += store(batch, offsets, consumer, format, s3, bucket, keys);
                        lastFlush = System.currentTimeMillis();
                    }
                }
            }
        }
        return stored;
    }

    /** A consumer in its own group from the topic's start, without auto-commit, polling at most a batch. */
    static Map<String, Object> consumerConfig(Map<String, Object> broker, String group, int flushRows) {
        Map<String, Object> config = new HashMap<>(broker);
        config.putAll(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, flushRows));
        return config;
    }

    /** Puts the batch's objects to S3, then commits its offsets; empties the batch and returns its size. */
    private static int store(List<LakeRecord> batch, Map<TopicPartition, OffsetAndMetadata> offsets,
                             KafkaConsumer<String, String> consumer, RecordFormat format, S3Client s3, String bucket,
                             ObjectKeys keys) {
        for (LakeObjectPlan plan : LakePartitioner.plan(batch)) {
            byte[] bytes = format.encode(plan.rows());
            s3.putObject(b -> b.bucket(bucket)
                    .key(keys.key(plan.date(), plan.partition(), plan.firstOffset(), format.extension())),
                    RequestBody.fromBytes(bytes));
        }
        consumer.commitSync(offsets);
        int size = batch.size();
        batch.clear();
        offsets.clear();
        return size;
    }
}
