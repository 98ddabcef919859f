package app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import local.EmbeddedKafka;
import local.LoopbackPorts;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import support.CapturedLog;
import support.LakeFiles;
import support.ReportCsv;
import support.SampleCsv;
import support.SampleReports;
import local.Directories;
import support.TestKafka;

/** The default run, as a newcomer starts it: local stack, bundled sample, 2 s per day, exit 0 when all is in the lake. */
class LocalRunTest {

    private final Path dataDir = TestKafka.tempDir("local-run");

    @AfterEach
    void deleteDataDir() {
        Directories.deleteTree(dataDir);
    }

    @Test
    void theDefaultRunFillsTheLakeCatalogsItRunsTheReportsAndExitsZero() throws Exception {
        int exit;
        List<String> log;
        try (CapturedLog captured = new CapturedLog()) {
            exit = LocalRun.run(dataDir, "lake.flush-interval", "3s");
            log = List.copyOf(captured.lines);
        }

        assertThat(exit).isZero();
        // the run ended only once every row was in the lake
        Path table = dataDir.resolve("s3").resolve("covid-lake").resolve("lake").resolve("us_counties");
        SampleCsv.assertExactlyOnce(LakeFiles.readFolder(table, "parquet"), SampleCsv.rows());
        try (Stream<Path> folders = Files.list(table)) {
            assertThat(folders.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("dt=2023-01-01", "dt=2023-01-02", "dt=2023-01-03");
        }
        // the broker kept the topic in the data dir: start it again there and count
        try (EmbeddedKafka broker = EmbeddedKafka.start(dataDir.resolve("kafka"), LoopbackPorts.free(), 3,
                TestKafka.USER, TestKafka.PASSWORD)) {
            assertThat(count(broker.clientProperties(), "covid.us-counties")).isEqualTo(9764);
        }
        // the reports ran in SQL over the catalogued lake, and agree with the CSV counted here by hand
        Path reports = dataDir.resolve("s3").resolve("covid-lake").resolve("reports");
        assertThat(ReportCsv.read(reports.resolve("top_counties_last_7_days/latest.csv")).stream()
                .map(r -> List.of(r.get("state"), r.get("county"), r.get("new_cases_7d"))).toList())
                .isEqualTo(SampleReports.topCountiesLast7Days(SampleCsv.rows()));
        assertThat(ReportCsv.read(reports.resolve("daily_new_by_state/latest.csv")).stream()
                .filter(r -> r.get("state").equals("New York"))
                .map(r -> List.of(r.get("date"), r.get("new_cases"))).toList())
                .isEqualTo(SampleReports.dailyNewCases(SampleCsv.rows(), "New York"));
        assertThat(ReportCsv.read(reports.resolve("data_quality/latest.csv")).stream()
                .map(r -> List.of(r.get("date"), r.get("row_count"), r.get("rows_without_fips"))).toList())
                .isEqualTo(SampleReports.rowsPerDay(SampleCsv.rows()));
        try (Stream<Path> names = Files.list(reports)) {
            assertThat(names.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(
                    "case_fatality_by_state", "daily_new_by_state", "data_quality", "top_counties_last_7_days",
                    "index.html", "pages");
        }
        // the page of the run, and the run's last lines say where it is
        assertThat(Files.readString(reports.resolve("index.html"))).contains("data-chart=\"country-cases\"", "data-chart=\"counties\"");
        // a copy per report run (the first crawl, on the first days, may have run them once before the last);
        // the page in index.html is the newest copy
        try (Stream<Path> pages = Files.list(reports.resolve("pages"))) {
            List<Path> copies = pages.sorted().toList();
            assertThat(copies).isNotEmpty().allMatch(f -> f.getFileName().toString().endsWith(".html"));
            assertThat(reports.resolve("index.html")).hasSameTextualContentAs(copies.get(copies.size() - 1));
        }
        int summary = log.indexOf(log.stream().filter(line -> line.startsWith("Run: ")).findFirst().orElseThrow());
        assertThat(log.subList(summary, log.size()))
                .anyMatch(line -> line.startsWith("Report page: s3://covid-lake/reports/index.html, served at http://127.0.0.1:"));
    }

    @Test
    void aJsonLakeIsCataloguedAndReportedToo() throws Exception {
        assertThat(LocalRun.run(dataDir, "lake.format", "jsonl.gz")).isZero();
        Path reports = dataDir.resolve("s3").resolve("covid-lake").resolve("reports");
        assertThat(ReportCsv.read(reports.resolve("top_counties_last_7_days/latest.csv")).stream()
                .map(r -> List.of(r.get("state"), r.get("county"), r.get("new_cases_7d"))).toList())
                .isEqualTo(SampleReports.topCountiesLast7Days(SampleCsv.rows()));
    }

    @Test
    void aReplayOnlyProcessExitsZeroOnceTheFileIsSent() {
        assertThat(LocalRun.run(dataDir, "pipeline.routes", "replay", "replay.seconds-per-day", "0")).isZero();
        assertThat(Files.exists(dataDir.resolve("s3").resolve("covid-lake").resolve("lake"))).isFalse();
    }

    @Test
    void aMissingFileEndsTheRunWithExitCodeOne() {
        int exit = LocalRun.run(dataDir, "replay.file", dataDir.resolve("missing.csv").toString());
        assertThat(exit).isEqualTo(1);
    }

    @Test
    void anUnreachableLakeStopsStartUp() {
        int exit = LocalRun.run(dataDir, "lake.s3.endpoint", "http://127.0.0.1:" + LoopbackPorts.free());
        assertThat(exit).isEqualTo(1);
    }

    @Test
    void aSettingThatIsNotANumberStopsStartUp() {
        assertThat(PipelineMain.run(Map.of("replay.batch-rows", "many", "local.enabled", "false", "camel.management.port", "0"))).isEqualTo(1);
    }

    @Test
    void aBadSettingStopsStartUp() {
        int exit = PipelineMain.run(Map.of("replay.seconds-per-day", "-1", "local.enabled", "false", "camel.management.port", "0"));
        assertThat(exit).isEqualTo(1);
        assertThat(Files.exists(dataDir.resolve("kafka"))).isFalse();
    }

    private static int count(Map<String, Object> kafka, String topic) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "count-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        int count = 0;
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            int idlePolls = 0;
            while (System.currentTimeMillis() < deadline && (count == 0 || idlePolls < 5)) {
                int n = consumer.poll(Duration.ofMillis(200)).count();
                count += n;
                idlePolls = n == 0 ? idlePolls + 1 : 0;
            }
        }
        return count;
    }
}
