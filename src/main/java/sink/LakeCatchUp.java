package sink;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.support.service.ServiceSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Whether the sink's consumer group has committed everything the topic holds: every row is in the lake. */
public final class LakeCatchUp extends ServiceSupport {

    private final Map<String, Object> kafkaConfig;
    private final String topic;
    private final String group;
    private Admin admin;

    public LakeCatchUp(Map<String, Object> kafkaConfig, String topic, String group) {
        this.kafkaConfig = kafkaConfig;
        this.topic = topic;
        this.group = group;
    }

    /**
     * Rows on the topic that the group has not committed yet, counted from where each partition starts now:
     * rows that retention deleted before the group read them are not waiting for anyone.
     */
    public synchronized long lag() throws Exception {
        if (admin == null) {
            admin = Admin.create(kafkaConfig);
        }
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get()
                .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata done = committed.get(partition);
            long read = Math.max(starts.get(partition), done == null ? 0 : done.offset());
            lag += Math.max(0, ends.get(partition) - read);
        }
        return lag;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> spec))).all().get()
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    public boolean caughtUp() throws Exception {
        return lag() == 0;
    }

    @Override
    protected synchronized void doStop() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }
}
