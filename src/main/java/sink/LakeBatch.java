package sink;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

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

    /** The dates of its rows: the lake table's partitions it writes to. */
    public Set<LocalDate> dates() {
        return objects.stream().map(LakeObjectPlan::date).collect(Collectors.toCollection(TreeSet::new));
    }

    public int rows() {
        return objects.stream().mapToInt(o -> o.rows().size()).sum();
    }
}
