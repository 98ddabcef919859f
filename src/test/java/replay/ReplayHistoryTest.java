package replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import support.TestKafka;

/** Where a replay stands, read back from what a crashed replay left on a real broker's topics. */
class ReplayHistoryTest {

    private static final ReplayIdentity FILE = new ReplayIdentity("00aa11bb22cc33dd", "1", "counties.csv");
    private static final ReplayIdentity OTHER = new ReplayIdentity("99ee88ff77aa66bb", "1", "other.csv");

    private final String topic = TestKafka.newTopic("history");
    private final String dlq = TestKafka.newTopic("history-dlq");
    private final ReplayHistory history = new ReplayHistory(TestKafka.clientConfig(),
            List.of(topic, dlq), Duration.ofSeconds(30));

    @Test
    void emptyTopicsHoldNothingOfTheReplay() {
        ResumePoint resume = history.find(FILE);
        assertThat(resume.resumes()).isFalse();
        assertThat(resume.newestOnTopic()).isNull();
        assertThat(resume.describe(FILE)).startsWith("a new replay of counties.csv");
    }

    @Test
    void aCrashInTheMiddleOfABatchResumesAfterTheAcknowledgedLinesAndKnowsWhichLaterOnesArrived() {
        try (KafkaProducer<String, String> producer = producer()) {
            // batches of lines 2-11, 12-21, 22-31 acknowledged; of 32-41, only some reached the topics
            for (long line = 2; line <= 31; line++) {
                send(producer, line % 7 == 0 ? dlq : topic, (int) (line % 3), FILE, line, 1 + (line - 2) / 10 * 10);
            }
            for (long line : List.of(32L, 35L, 40L)) {
                send(producer, topic, (int) (line % 3), FILE, line, 31);
            }
            send(producer, dlq, 1, FILE, 33, 31);
        }
        ResumePoint resume = history.find(FILE);
        // the last batch's messages say that everything up to 31 was acknowledged when they were sent
        assertThat(resume.ackedThrough()).isEqualTo(31);
        assertThat(resume.sentAfter()).containsExactlyInAnyOrder(32L, 33L, 35L, 40L);
        assertThat(resume.sentThrough()).isEqualTo(40);
        assertThat(resume.rowsAlreadySent()).isEqualTo(30 + 4);
        assertThat(resume.describe(FILE))
                .startsWith("resuming counties.csv after line 31 (34 rows already on the topics, 4 of them past that line");
    }

    @Test
    void aReplayIsFoundBehindALaterReplayOfAnotherFile() {
        try (KafkaProducer<String, String> producer = producer()) {
            for (long line = 2; line <= 40; line++) {
                send(producer, topic, (int) (line % 3), FILE, line, Math.max(1, line - 5));
            }
            for (long line = 2; line <= 3000; line++) {
                send(producer, topic, (int) (line % 3), OTHER, line, line - 1);
            }
        }
        ResumePoint resume = history.find(FILE);
        assertThat(resume.ackedThrough()).isEqualTo(35);
        assertThat(resume.sentAfter()).containsExactlyInAnyOrder(36L, 37L, 38L, 39L, 40L);

        ResumePoint again = history.find(new ReplayIdentity(FILE.digest(), "2", FILE.fileName()));
        assertThat(again.resumes()).isFalse();
        assertThat(again.newestOnTopic()).isEqualTo(OTHER);
        ResumePoint changed = history.find(new ReplayIdentity("0123456789abcdef", "1", "other.csv"));
        assertThat(changed.describe(new ReplayIdentity("0123456789abcdef", "1", "other.csv")))
                .startsWith("other.csv has changed since it was last replayed");
    }

    @Test
    void messagesOfOtherProducersAreLeftAlone() {
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, topic, 0, FILE, 2, 1);
            producer.send(new ProducerRecord<>(topic, 0, "k", "{}"));
            producer.send(new ProducerRecord<>(dlq, 0, "k", "not a replay's"));
        }
        assertThat(history.find(FILE).sentAfter()).containsExactly(2L);
        assertThat(history.find(FILE).ackedThrough()).isEqualTo(1);
        assertThat(history.find(FILE).sentAfter()).isEqualTo(Set.of(2L));
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(TestKafka.clientConfig(ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(),
                new StringSerializer());
    }

    private static void send(KafkaProducer<String, String> producer, String topic, int partition, ReplayIdentity replay,
                             long line, long acked) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, partition, "key", "{}");
        record.headers().add(new RecordHeader(ReplayIdentity.HEADER, replay.header().getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader(ReplayMessages.LINE_HEADER, Long.toString(line).getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader(ReplayMessages.ACKED_HEADER, Long.toString(acked).getBytes(StandardCharsets.UTF_8)));
        producer.send(record);
    }
}
