package sink;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import lake.BatchFence;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.support.subcription.DefaultSubscribeAdapter;
import org.apache.camel.component.kafka.consumer.support.subcription.SubscribeAdapter;
import org.apache.camel.component.kafka.consumer.support.subcription.TopicInfo;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Subscribes the sink's Kafka consumer as Camel does, and remembers it so that a batch can be checked
 * against what the consumer owns and what the group committed, on the consumer's own thread, just before
 * the batch is stored (see {@link BatchFence}). Camel looks it up in the registry as {@value #BEAN}.
 */
public final class AssignedPartitions implements SubscribeAdapter {

    public static final String BEAN = KafkaConstants.KAFKA_SUBSCRIBE_ADAPTER;

    private final ThreadLocal<Consumer<?, ?>> consumers = new ThreadLocal<>();

    @Override
    public void subscribe(Consumer<?, ?> consumer, ConsumerRebalanceListener listener, TopicInfo topicInfo) {
        consumers.set(consumer);
        new DefaultSubscribeAdapter().subscribe(consumer, listener, topicInfo);
    }

    /** The batch's records this consumer may store, by partition, in offset order, each offset once. */
    public Map<Integer, List<Exchange>> owned(List<Exchange> batch) {
        Consumer<?, ?> consumer = consumers.get();
        if (consumer == null) {
            throw new IllegalStateException("the lake sink's batch did not come from its Kafka consumer thread");
        }
        Set<TopicPartition> assignment = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assignment);
        Map<Integer, Long> committedOffsets = new HashMap<>();
        committed.forEach((tp, offset) -> {
            if (offset != null) {
                committedOffsets.put(tp.partition(), offset.offset());
            }
        });
        Collection<Integer> owned = assignment.stream().map(TopicPartition::partition).collect(Collectors.toSet());
        return BatchFence.keep(batch, AssignedPartitions::partition, AssignedPartitions::offset, owned, committedOffsets);
    }

    static int partition(Exchange record) {
        return record.getMessage().getHeader(KafkaConstants.PARTITION, Integer.class);
    }

    static long offset(Exchange record) {
        return record.getMessage().getHeader(KafkaConstants.OFFSET, Long.class);
    }
}
