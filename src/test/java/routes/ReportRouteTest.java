package routes;

import static org.assertj.core.api.Assertions.assertThat;

import covid.CountyRow;
import reports.ReportRun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import local.Directories;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.s3.model.S3Object;
import support.PipelineContext;
import support.SampleCsv;
import support.TestAws;
import support.TestKafka;

/** The report route against the Athena emulator over HTTP, on the sample catalogued by a crawl. */
class ReportRouteTest {

    private final Path queries = TestKafka.tempDir("reports");

    @AfterEach
    void deleteQueries() {
        Directories.deleteTree(queries);
    }

    @Test
    void aFailingReportDoesNotStopTheOthersAndLargeResultsArriveWhole() throws Exception {
        query("counties_per_day", "SELECT \"date\", count(*) AS counties FROM us_counties GROUP BY \"date\" ORDER BY \"date\";");
        query("broken", "SELECT * FROM no_such_table");
        query("all_rows", "SELECT state, county, \"date\", cases FROM us_counties");
        try (TestAws aws = new TestAws(Duration.ZERO)) {
            aws.putLake(SampleCsv.rows());
            aws.crawl("covid");
            try (PipelineContext pipeline = new PipelineContext(reports(aws), new ReportRoute())) {
                Exchange done = pipeline.template.send("direct:reports", e -> { });

                assertThat(done.getVariable("run", ReportRun.class)).hasToString("Reports: 2 of 3 succeeded; failed: broken");
            }
            Map<String, Long> perDay = SampleCsv.rows().stream()
                    .collect(Collectors.groupingBy(r -> r.date().toString(), TreeMap::new, Collectors.counting()));
            StringBuilder expected = new StringBuilder("\"date\",\"counties\"\n");
            perDay.forEach((day, n) -> expected.append('"').append(day).append("\",\"").append(n).append("\"\n"));
            assertThat(aws.object("reports/counties_per_day/latest.csv")).isEqualTo(expected.toString());
            assertThat(keys(aws, "reports/counties_per_day/")).hasSize(2).contains("reports/counties_per_day/latest.csv");
            assertThat(keys(aws, "reports/broken/")).isEmpty();

            // 9,764 rows: ten pages of Athena results, each row once
            List<String> lines = aws.object("reports/all_rows/latest.csv").lines().toList();
            assertThat(lines).hasSize(SampleCsv.ROWS + 1);
            Set<String> expectedRows = new HashSet<>();
            for (CountyRow r : SampleCsv.rows()) {
                expectedRows.add(String.join(",", quoted(r.state()), quoted(r.county()), quoted(r.date().toString()),
                        quoted(Long.toString(r.cases()))));
            }
            assertThat(new HashSet<>(lines.subList(1, lines.size()))).isEqualTo(expectedRows);

            QueryExecution broken = failedExecution(aws);
            assertThat(broken.status().stateChangeReason()).startsWith("TABLE_NOT_FOUND");
        }
    }

    @Test
    void aQueryStillRunningWhenTheWaitEndsIsStopped() throws Exception {
        query("slow", "SELECT count(*) FROM range(100000000000)");
        try (TestAws aws = new TestAws(Duration.ZERO)) {
            aws.crawl("covid");
            try (PipelineContext pipeline = new PipelineContext(reports(aws, "athena.wait-timeout", "1s"), new ReportRoute())) {
                Exchange done = pipeline.template.send("direct:reports", e -> { });
                assertThat(done.getVariable("run", ReportRun.class)).hasToString("Reports: 0 of 1 succeeded; failed: slow");
            }
            // one query, stopped: a query that ran out of time is not started again
            List<String> ids = aws.athena.listQueryExecutions(r -> r.workGroup("primary")).queryExecutionIds();
            assertThat(ids).hasSize(1);
            assertThat(aws.athena.getQueryExecution(r -> r.queryExecutionId(ids.get(0))).queryExecution().status().state())
                    .isEqualTo(QueryExecutionState.CANCELLED);
        }
    }

    @Test
    void anInternalErrorIsRetriedUpToTheMostAttemptsAndAUserErrorIsNot() throws Exception {
        // DuckDB's IO errors are the emulator's GENERIC_INTERNAL_ERROR, Athena's transient kind
        query("flaky", "SELECT * FROM read_csv('/no/such/file.csv')");
        query("typo", "SELECT * FROM us_countie");
        try (TestAws aws = new TestAws(Duration.ZERO)) {
            aws.crawl("covid");
            try (PipelineContext pipeline = new PipelineContext(reports(aws, "athena.max-attempts", "3"), new ReportRoute())) {
                Exchange done = pipeline.template.send("direct:reports", e -> { });
                assertThat(done.getVariable("run", ReportRun.class)).hasToString("Reports: 0 of 2 succeeded; failed: flaky, typo");
            }
            List<String> reasons = aws.athena.listQueryExecutions(r -> r.workGroup("primary")).queryExecutionIds().stream()
                    .map(id -> aws.athena.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution().status())
                    .map(status -> status.state() + " " + status.stateChangeReason().replaceFirst(":.*", "")).toList();
            assertThat(reasons).containsExactlyInAnyOrder("FAILED GENERIC_INTERNAL_ERROR", "FAILED GENERIC_INTERNAL_ERROR",
                    "FAILED GENERIC_INTERNAL_ERROR", "FAILED TABLE_NOT_FOUND");
        }
    }

    @Test
    void theShippedReportsEndAtTheLatestCompleteDayWhileTheNewestIsStillArriving() throws Exception {
        List<CountyRow> rows = SampleCsv.rows();
        List<CountyRow> partial = new ArrayList<>(rows.stream().filter(r -> r.date().getDayOfMonth() < 3).toList());
        partial.addAll(rows.stream().filter(r -> r.date().getDayOfMonth() == 3).limit(500).toList());
        try (TestAws aws = new TestAws(Duration.ZERO)) {
            aws.putLake(partial);
            aws.crawl("covid");
            try (PipelineContext pipeline = new PipelineContext(reports(aws, "reports.queries", "classpath:sql/*.sql"), new ReportRoute())) {
                Exchange done = pipeline.template.send("direct:reports", e -> { });
                assertThat(done.getVariable("run", ReportRun.class)).hasToString("Reports: 4 of 4 succeeded");
            }
            assertThat(aws.object("reports/daily_new_by_state/latest.csv").lines().skip(1).map(l -> l.substring(1, 11)).distinct())
                    .containsExactly("2023-01-02", "2023-01-01");
            assertThat(aws.object("reports/case_fatality_by_state/latest.csv").lines().skip(1))
                    .allMatch(line -> line.contains("\"2023-01-02\""));
            // the data-quality report shows the newest day as it is: 500 rows so far
            assertThat(aws.object("reports/data_quality/latest.csv").lines().skip(1).findFirst().orElseThrow())
                    .startsWith("\"2023-01-03\",\"500\"");
        }
    }

    private Map<String, String> reports(TestAws aws, String... extra) {
        Map<String, String> p = aws.properties(
                "pipeline.routes", "reports",
                "reports.queries", "file:" + queries + "/*.sql",
                "reports.schedule", "1h",
                "athena.database", "covid",
                "athena.poll-interval", "100ms");
        p.putAll(aws.properties(extra));
        return p;
    }

    private void query(String name, String sql) throws Exception {
        Files.writeString(queries.resolve(name + ".sql"), sql);
    }

    private static List<String> keys(TestAws aws, String prefix) {
        return aws.s3.listObjectsV2(r -> r.bucket(TestAws.BUCKET).prefix(prefix)).contents().stream().map(S3Object::key).toList();
    }

    private static QueryExecution failedExecution(TestAws aws) {
        return aws.athena.listQueryExecutions(r -> r.workGroup("primary")).queryExecutionIds().stream()
                .map(id -> aws.athena.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution())
                .filter(q -> q.status().state() == QueryExecutionState.FAILED)
                .findFirst().orElseThrow();
    }

    private static String quoted(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
