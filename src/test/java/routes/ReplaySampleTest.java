package routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import support.Header;
import support.SampleCsv;
import support.TestKafka;
import support.TestReplay;

/** The bundled sample, replayed unthrottled: every row arrives once, with the right key and value. */
class ReplaySampleTest {

    private final TestReplay replay = new TestReplay();

    @Test
    void everySampleRowArrivesOnceWithItsKeyAndValue() throws Exception {
        assertThat(replay.replay(SampleCsv.FILE, 0)).isZero();
        Map<String, String[]> expected = expectedByLine();
        assertThat(expected).hasSize(9764);

        List<ConsumerRecord<String, String>> records = TestKafka.read(replay.topic, expected.size(), Duration.ofSeconds(30));

        assertThat(records).hasSize(9764);
        Map<String, ConsumerRecord<String, String>> byLine = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            assertThat(byLine.put(Header.text(record, "source.line"), record)).as("line sent twice").isNull();
        }
        assertThat(byLine.keySet()).isEqualTo(expected.keySet());
        expected.forEach((line, value) -> {
            ConsumerRecord<String, String> record = byLine.get(line);
            assertThat(record.key()).as("key of line " + line).isEqualTo(value[0]);
            assertThat(record.value()).as("value of line " + line).isEqualTo(value[1]);
        });
        assertThat(TestKafka.read(replay.dlqTopic, 0, Duration.ofSeconds(1))).isEmpty();
    }

    /** Key and JSON value per source line, built from the file with plain string handling (it has no quoting). */
    static Map<String, String[]> expectedByLine() throws IOException {
        List<String> lines = Files.readAllLines(SampleCsv.FILE, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("date,county,state,fips,cases,deaths");
        Map<String, String[]> expected = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            String fips = f[3].isEmpty() ? "null" : "\"" + f[3] + "\"";
            String deaths = f[5].isEmpty() ? "null" : f[5];
            String json = "{\"date\":\"" + f[0] + "\",\"county\":\"" + f[1] + "\",\"state\":\"" + f[2]
                    + "\",\"fips\":" + fips + ",\"cases\":" + f[4] + ",\"deaths\":" + deaths + "}";
            String key = f[3].isEmpty() ? f[2] + "|" + f[1] : f[3];
            expected.put(Integer.toString(i + 1), new String[] {key, json});
        }
        return expected;
    }
}
