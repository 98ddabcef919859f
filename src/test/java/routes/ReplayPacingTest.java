package routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import support.SampleCsv;
import support.TestKafka;
import support.TestReplay;

/** Event-time pacing: with 2 s per day the sample's three days arrive about two seconds apart. */
class ReplayPacingTest {

    private final TestReplay replay = new TestReplay();

    @Test
    void eachDayOfDataTakesItsSecondsPerDay() throws Exception {
        assertThat(replay.replay(SampleCsv.FILE, 2)).isZero();
        List<ConsumerRecord<String, String>> records = TestKafka.read(replay.topic, 9764, Duration.ofSeconds(30));
        assertThat(records).hasSize(9764);

        Map<String, List<Long>> byDay = records.stream().collect(Collectors.groupingBy(
                r -> r.value().substring(9, 19), TreeMap::new,
                Collectors.mapping(ConsumerRecord::timestamp, Collectors.toList())));
        assertThat(byDay.keySet()).containsExactly("2023-01-01", "2023-01-02", "2023-01-03");

        List<Long> all = records.stream().map(ConsumerRecord::timestamp).sorted().toList();
        long span = all.get(all.size() - 1) - all.get(0);
        // the last row is due one row short of 6 s after the first; generous bounds for a busy machine
        assertThat(span).as("whole replay").isBetween(5_500L, 12_000L);
        List<Long> medians = byDay.values().stream().map(ReplayPacingTest::median).toList();
        for (int day = 1; day < 3; day++) {
            assertThat(medians.get(day) - medians.get(day - 1)).as("day %d after day %d", day, day - 1)
                    .isBetween(1_000L, 3_500L);
        }
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
