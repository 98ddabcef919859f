package sink;

import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.support.service.ServiceSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
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

    /** Rows on the topic that the group has not committed yet. */
    public synchronized long lag() throws Exception {
        if (admin == null) {
            admin = Admin.create(kafkaConfig);
        }
        Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get()
                .get(topic).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(partitions).all().get();
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
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
