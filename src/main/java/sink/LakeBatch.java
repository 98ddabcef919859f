package sink;

import java.util.List;

import lake.LakeObjectPlan;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * One batch from Kafka, ready to store: its objects, the messages that could not be read (for the
 * dead-letter topic), and the commits to make once all of it is stored.
 */
public record LakeBatch(List<LakeObjectPlan> objects, List<Message> rejections, List<KafkaManualCommit> commits) {

    public boolean hasRejections() {
        return !rejections.isEmpty();
    }

    public int rows() {
        return objects.stream().mapToInt(o -> o.rows().size()).sum();
    }
}
