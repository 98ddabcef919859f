package sink;

import covid.CountyJson;
import covid.CountyRow;
import covid.DeadLetter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import lake.LakePartitioner;
import lake.LakeRecord;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.support.DefaultMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns what the batching Kafka consumer delivers into a {@link LakeBatch}, and commits it once it is stored. */
public final class LakeBatches {

    public static final String ORIGIN_HEADER = "source.record";

    private static final Logger LOG = LoggerFactory.getLogger(LakeBatches.class);

    private final AssignedPartitions assigned;
    private final String topic;

    public LakeBatches(AssignedPartitions assigned, String topic) {
        this.assigned = assigned;
        this.topic = topic;
    }

    public LakeBatch open(List<Exchange> records, CamelContext context) {
        Map<Integer, List<Exchange>> owned = assigned.owned(records);
        List<LakeRecord> rows = new ArrayList<>(records.size());
        List<Message> rejections = new ArrayList<>();
        List<KafkaManualCommit> commits = new ArrayList<>();
        int kept = 0;
        for (Map.Entry<Integer, List<Exchange>> partition : owned.entrySet()) {
            List<Exchange> inOrder = partition.getValue();
            kept += inOrder.size();
            for (Exchange record : inOrder) {
                long offset = AssignedPartitions.offset(record);
                String value = record.getMessage().getBody(String.class);
                try {
                    CountyRow row = CountyJson.decode(value);
                    rows.add(new LakeRecord(partition.getKey(), offset, row));
                } catch (IllegalArgumentException e) {
                    rejections.add(rejection(context, record, partition.getKey(), offset, value, e.getMessage()));
                }
            }
            Exchange last = inOrder.get(inOrder.size() - 1);
            commits.add(last.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class));
        }
        int dropped = records.size() - kept;
        if (dropped > 0) {
            LOG.info("lake sink: {} records of this batch were read twice, already stored, or belong to another instance now; skipped",
                    dropped);
        }
        return new LakeBatch(LakePartitioner.plan(rows), rejections, commits);
    }

    /** Commits each partition's last offset of the batch: called only after every object is in S3. */
    public void commit(LakeBatch batch) {
        for (KafkaManualCommit commit : batch.commits()) {
            commit.commit();
        }
    }

    private Message rejection(CamelContext context, Exchange record, int partition, long offset, String value,
                              String reason) {
        Message message = new DefaultMessage(context);
        message.setHeader(KafkaConstants.KEY, record.getMessage().getHeader(KafkaConstants.KEY));
        message.setHeader(DeadLetter.REASON_HEADER, reason);
        message.setHeader(ORIGIN_HEADER, topic + "+" + partition + "+" + offset);
        message.setBody(value == null ? "" : value);
        return message;
    }
}
