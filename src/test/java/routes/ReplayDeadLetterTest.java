package routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import local.Directories;
import support.Header;
import support.TestKafka;
import support.TestReplay;

/** Bad rows go to the dead-letter topic with line and reason; the good rows around them still go out. */
class ReplayDeadLetterTest {

    private final TestReplay replay = new TestReplay();
    private final Path dir = TestKafka.tempDir("dlq-test");

    private Path badRows() throws IOException {
        Path file = dir.resolve("bad-rows.csv");
        Files.writeString(file, "date,county,state,fips,cases,deaths\n"
                + "2023-01-01,Autauga,Alabama,01001,18961,230\n"
                + "2023-01-01,Baldwin,Alabama,01003,67000\n"
                + "2023-01-01,Barbour,Alabama,01005,-4,1\n"
                + "2023-02-30,Bibb,Alabama,01007,7000,100\n"
                + "2023-01-01,Blount,,01009,16000,250\n"
                + "2023-01-01,Bullock,Alabama,01011,many,40\n"
                + "2023-01-01,Butler,Alabama,01013,6000,130\n", StandardCharsets.UTF_8);
        return file;
    }

    @AfterEach
    void deleteDir() {
        Directories.deleteTree(dir);
    }

    @Test
    void badRowsLandInTheDeadLetterTopicWithTheirReason() throws Exception {
        assertThat(replay.replay(badRows(), 0)).isZero();

        List<ConsumerRecord<String, String>> rows = TestKafka.read(replay.topic, 2, Duration.ofSeconds(20));
        assertThat(rows).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("01001", "01013");

        List<ConsumerRecord<String, String>> dead = TestKafka.read(replay.dlqTopic, 5, Duration.ofSeconds(20));
        Map<String, String> reasons = dead.stream()
                .collect(Collectors.toMap(r -> Header.text(r, "source.line"), r -> Header.text(r, "dlq.reason")));
        assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.of(
                "3", "expected 6 columns, found 5",
                "4", "cases is negative: -4",
                "5", "date is not a yyyy-mm-dd date: '2023-02-30'",
                "6", "state is empty",
                "7", "cases is not a whole number: 'many'"));
        ConsumerRecord<String, String> first = dead.stream()
                .filter(r -> "3".equals(Header.text(r, "source.line"))).findFirst().orElseThrow();
        assertThat(first.key()).isEqualTo("bad-rows.csv:3");
        assertThat(first.value()).isEqualTo("{\"source\":\"bad-rows.csv\",\"line\":3,"
                + "\"reason\":\"expected 6 columns, found 5\",\"raw\":\"2023-01-01,Baldwin,Alabama,01003,67000\"}");
    }
}
