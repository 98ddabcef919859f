package support;

import static org.assertj.core.api.Assertions.assertThat;

import covid.CountyRow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import local.EmbeddedKafka;
import local.LoopbackPorts;

/**
 * What the crash tests share: a data dir with fixed ports (a restarted process finds what the killed one
 * left), the 2021 month with three bad rows in it, and the check that, after it all, every line of the file
 * is on its topic once and every row in the lake and the reports once.
 */
public final class CrashScenario {

    public static final String TOPIC = "covid.us-counties";
    public static final String DLQ = "covid.us-counties.dlq";

    public final Path dir;
    public final Path file;
    private final Path temp;
    private final Path logs;
    public final int kafkaPort = LoopbackPorts.free();
    public final int s3Port = LoopbackPorts.free();
    public final int awsPort = LoopbackPorts.free();
    private final List<Long> validLines = new ArrayList<>();
    private final List<Long> badLines = new ArrayList<>();
    private final List<CountyRow> rows;

    public CrashScenario(String name) throws IOException {
        dir = TestKafka.tempDir(name);
        logs = Path.of("target", "crash-logs", dir.getFileName().toString());
        file = dir.resolve("counties-2021.csv");
        temp = Files.createDirectories(dir.resolve("tmp"));
        List<String> lines = new ArrayList<>(Files.readAllLines(SampleCsv.MONTH_2021, StandardCharsets.UTF_8));
        // a count that is not a number, a row with a column too many, a date that is not one
        lines.add(1_000, "2021-02-05,Nowhere,Alabama,01999,not-a-number,0");
        lines.add(50_000, "2021-02-20,Too,Many,01001,1,1,extra");
        lines.add(90_000, "2021-13-01,Bad Date,Texas,48001,1,1");
        Files.write(file, lines, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            (i == 1_000 || i == 50_000 || i == 90_000 ? badLines : validLines).add((long) i + 1);
        }
        rows = SampleCsv.rows(SampleCsv.MONTH_2021);
    }

    /** The run's settings: the local stack on this dir and its ports, a replay fast enough to crash into. */
    public Map<String, String> properties(boolean reset, String... extra) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "local.data-dir", dir.resolve("data").toString(),
                "local.reset", Boolean.toString(reset),
                "local.kafka.port", Integer.toString(kafkaPort),
                "local.s3.port", Integer.toString(s3Port),
                "local.aws.port", Integer.toString(awsPort),
                "camel.management.port", "0",
                "replay.file", file.toString(),
                "replay.rows-per-second", "15000",
                "replay.seconds-per-day", "0",
                "replay.progress-seconds", "1"));
        properties.putAll(Map.of("lake.flush-rows", "3000", "lake.flush-interval", "2s",
                // a JVM killed with -9 leaves DuckDB's 70 MB native library in its temp folder: keep it in this dir
                "java.io.tmpdir", temp.toString()));
        for (int i = 0; i < extra.length; i += 2) {
            properties.put(extra[i], extra[i + 1]);
        }
        return properties;
    }

    /** Where a process's log goes: under target/crash-logs, kept after the test for a look at what happened. */
    public Path log(String name) {
        return logs.resolve(name + ".log");
    }

    /**
     * Read from the stack's broker, on its port: every valid line on the topic once, every bad one on the dead-letter topic once, every row in the lake
     * once, and the reports as the CSV says; prints what it counted.
     */
    public void assertExactlyOnce(String scenario) throws Exception {
        Map<String, Object> kafka = EmbeddedKafka.clientProperties("127.0.0.1:" + kafkaPort, TestKafka.USER, TestKafka.PASSWORD);
        ExactlyOnce topic = ExactlyOnce.linesOnTopic(kafka, TOPIC, validLines);
        ExactlyOnce deadLetters = ExactlyOnce.linesOnTopic(kafka, DLQ, badLines);
        Path bucket = dir.resolve("data").resolve("s3").resolve("covid-lake");
        ExactlyOnce lake = ExactlyOnce.rowsInLake(rows, LakeFiles.readFolder(bucket.resolve("lake/us_counties"), "parquet"));
        System.out.printf("%s%n  %s%n  %s%n  %s%n", scenario, topic, deadLetters, lake);
        assertThat(List.of(topic, deadLetters, lake)).allMatch(ExactlyOnce::exact);
    }

    /** The reports the run wrote last agree with the CSV, counted in plain Java. */
    public void assertReports() throws IOException {
        Path reports = dir.resolve("data").resolve("s3").resolve("covid-lake").resolve("reports");
        assertThat(ReportCsv.read(reports.resolve("top_counties_last_7_days/latest.csv")).stream()
                .map(r -> List.of(r.get("state"), r.get("county"), r.get("new_cases_7d"))).toList())
                .isEqualTo(SampleReports.topCountiesLast7Days(rows));
        assertThat(ReportCsv.read(reports.resolve("daily_new_by_state/latest.csv")).stream()
                .filter(r -> r.get("state").equals("New York"))
                .map(r -> List.of(r.get("date"), r.get("new_cases"))).toList())
                .isEqualTo(SampleReports.dailyNewCases(rows, "New York"));
        assertThat(ReportCsv.read(reports.resolve("data_quality/latest.csv")).stream()
                .map(r -> List.of(r.get("date"), r.get("row_count"), r.get("rows_without_fips"))).toList())
                .isEqualTo(SampleReports.rowsPerDay(rows));
    }

    public void delete() {
        local.Directories.deleteTree(dir);
    }
}
