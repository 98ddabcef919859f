package bench;

import covid.CountyJson;
import covid.CountyRow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import lake.RecordFormat;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The sink benchmark's floor: what the machine's stages cost with nothing of the lake around them. The same
 * rows are consumed, decoded and encoded in batches of {@code flushRows}, one Parquet file per batch (no split
 * by partition and date, so no per-object cost), with no S3 and no commits. A sink cannot beat this.
 */
final class RawFloor {

    private RawFloor() {
    }

    /** Reads {@code rows} records of the topic; returns the bytes the format made of them. */
    static long drain(Map<String, Object> broker, String topic, String group, int flushRows, RecordFormat format, long rows) {
        long read = 0;
        long bytes = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(PlainSinkLoop.consumerConfig(broker, group, flushRows),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<CountyRow> batch = new ArrayList<>(flushRows);
            while (read < rows) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(1000))) {
                    batch.add(CountyJson.decode(record.value()));
                    read++;
                    if (batch.size() >= flushRows || read == rows) {
                        bytes += format.encode(batch).length;
                        batch.clear();
                    }
                }
            }
        }
        return bytes;
    }
}
