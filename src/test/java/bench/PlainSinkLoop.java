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
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The sink benchmark's baseline: a plain kafka-clients consumer loop doing the sink's work with the same
 * pieces (decode, partition by partition and date, encode with the same format, put to the same S3,
 * commit after upload), without Camel.
 */
final class PlainSinkLoop {

    private PlainSinkLoop() {
    }

    /** Drains {@code rows} records of the topic into the lake; returns the rows stored. */
    static long drain(String brokers, String topic, String group, int flushRows, long flushMillis, RecordFormat format,
                      S3Client s3, String bucket, ObjectKeys keys, long rows) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, flushRows);
        long stored = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<LakeRecord> batch = new ArrayList<>(flushRows);
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            long lastFlush = System.currentTimeMillis();
            while (stored < rows) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(1000))) {
                    batch.add(new LakeRecord(record.partition(), record.offset(), CountyJson.decode(record.value(), 0)));
                    offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
                }
                boolean due = batch.size() >= flushRows || System.currentTimeMillis() - lastFlush >= flushMillis;
                if (due && !batch.isEmpty()) {
                    for (LakeObjectPlan plan : LakePartitioner.plan(batch)) {
                        byte[] bytes = format.encode(plan.rows());
                        s3.putObject(b -> b.bucket(bucket)
                                .key(keys.key(plan.date(), plan.partition(), plan.firstOffset(), format.extension())),
                                RequestBody.fromBytes(bytes));
                    }
                    consumer.commitSync(offsets);
                    stored += batch.size();
                    batch.clear();
                    offsets.clear();
                    lastFlush = System.currentTimeMillis();
                }
            }
        }
        return stored;
    }
}
