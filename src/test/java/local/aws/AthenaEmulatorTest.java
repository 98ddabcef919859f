package local.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import support.TestAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.glue.model.CrawlerState;

/** The Athena emulator through the AWS SDK: SQL over the crawled lake, Athena's states, errors, paging and result objects. */
class AthenaEmulatorTest {

    private static final String RESULTS = "s3://covid-lake/athena-results/";

    private static TestAws aws;

    @BeforeAll
    static void crawlALake() throws Exception {
        aws = new TestAws(Duration.ZERO);
        aws.putParquet("lake/us_counties/dt=2023-01-01/covid.us-counties+0+0000000000.parquet",
                "(DATE '2023-01-01', 'Autauga', 'Alabama', '01001', 10, 1)",
                "(DATE '2023-01-01', 'New York City', 'New York', NULL, 100, 7)");
        aws.putParquet("lake/us_counties/dt=2023-01-02/covid.us-counties+0+0000000002.parquet",
                "(DATE '2023-01-02', 'Autauga', 'Alabama', '01001', 12, NULL)");
        aws.glue.createDatabase(b -> b.databaseInput(d -> d.name("covid")));
        aws.glue.createCrawler(b -> b.name("lake").role("local").databaseName("covid")
                .targets(t -> t.s3Targets(s -> s.path("s3://covid-lake/lake/"))));
        aws.glue.startCrawler(b -> b.name("lake"));
        TestAws.await("the crawl is done", Duration.ofSeconds(30),
                () -> aws.glue.getCrawler(b -> b.name("lake")).crawler().state() == CrawlerState.READY);
        // written after the crawl: Athena must not see a partition the catalog does not have
        aws.putParquet("lake/us_counties/dt=2023-01-03/covid.us-counties+0+0000000003.parquet",
                "(DATE '2023-01-03', 'Autauga', 'Alabama', '01001', 1000, 1000)");
    }

    @AfterAll
    static void stop() throws Exception {
        aws.close();
    }

    @Test
    void aQueryOverTheCrawledTableReturnsTheHeaderRowThenItsValues() throws Exception {
        String id = start("SELECT count(*) AS row_count, sum(cases) AS cases, min(date) AS first_day, "
                + "max(dt) AS last_partition FROM us_counties");
        QueryExecution execution = awaitDone(id);

        assertThat(execution.status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
        assertThat(execution.resultConfiguration().outputLocation()).isEqualTo(RESULTS + id + ".csv");
        assertThat(execution.statistics().dataScannedInBytes()).isPositive();
        GetQueryResultsResponse results = aws.athena.getQueryResults(b -> b.queryExecutionId(id));
        assertThat(values(results.resultSet().rows())).containsExactly(
                List.of("row_count", "cases", "first_day", "last_partition"),
                List.of("3", "122", "2023-01-01", "2023-01-02"));
        assertThat(results.resultSet().resultSetMetadata().columnInfo()).extracting(ColumnInfo::type)
                .containsExactly("bigint", "bigint", "date", "varchar");
        assertThat(results.nextToken()).isNull();
    }

    @Test
    void tablesAreNamedWithOrWithoutTheirDatabaseAndNullsHaveNoValue() throws Exception {
        String id = start("SELECT county, fips, deaths FROM awsdatacatalog.covid.us_counties "
                + "WHERE dt = '2023-01-01' AND county IN (SELECT county FROM covid.us_counties) ORDER BY county");
        awaitDone(id);

        List<Row> rows = aws.athena.getQueryResults(b -> b.queryExecutionId(id)).resultSet().rows();
        assertThat(values(rows)).containsExactly(
                List.of("county", "fips", "deaths"),
                List.of("Autauga", "01001", "1"),
                IntStream.range(0, 3).mapToObj(i -> i == 0 ? "New York City" : i == 1 ? null : "7").toList());
        assertThat(rows.get(2).data().get(1).varCharValue()).isNull();
        assertThat(aws.s3.getObjectAsBytes(b -> b.bucket("covid-lake").key("athena-results/" + id + ".csv")).asUtf8String())
                .isEqualTo("\"county\",\"fips\",\"deaths\"\n\"Autauga\",\"01001\",\"1\"\n\"New York City\",,\"7\"\n");
    }

    @Test
    void resultsPageThroughNextTokenWithEveryRowOnce() throws Exception {
        String id = start("SELECT range AS n FROM range(2500) ORDER BY n");
        awaitDone(id);

        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            GetQueryResultsResponse page = aws.athena.getQueryResults(b -> b.queryExecutionId(id).maxResults(1000).nextToken(next));
            page.resultSet().rows().forEach(r -> seen.add(r.data().get(0).varCharValue()));
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(2501).first().isEqualTo("n");
        assertThat(seen.subList(1, seen.size())).containsExactlyElementsOf(
                IntStream.range(0, 2500).mapToObj(String::valueOf).toList());
    }

    @Test
    void anUnknownTableFailsTheQueryWithTableNotFound() throws Exception {
        QueryExecution execution = awaitDone(start("SELECT * FROM nope"));

        assertThat(execution.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(execution.status().stateChangeReason())
                .isEqualTo("TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.covid.nope' does not exist");
        assertThat(execution.status().athenaError().errorCategory()).isEqualTo(2);
        assertThatThrownBy(() -> aws.athena.getQueryResults(b -> b.queryExecutionId(execution.queryExecutionId())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Query did not finish successfully. Final query state: FAILED");
    }

    @Test
    void userErrorsAreNamedAsAthenaNamesThem() throws Exception {
        assertThat(awaitDone(start("SELECT county FORM us_counties")).status().stateChangeReason()).startsWith("SYNTAX_ERROR: line 1:");
        assertThat(awaitDone(start("SELECT cnty FROM us_counties")).status().stateChangeReason())
                .startsWith("COLUMN_NOT_FOUND: line 1:8: Column 'cnty' cannot be resolved");
        assertThat(awaitDone(start("SELECT * FROM nodb.us_counties")).status().stateChangeReason())
                .startsWith("SCHEMA_NOT_FOUND: ");
    }

    @Test
    void aQueryWithoutAnOutputLocationIsRejected() {
        assertThatThrownBy(() -> aws.athena.startQueryExecution(b -> b.queryString("SELECT 1")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getMessage()).contains("No output location provided");
                    assertThat(e.athenaErrorCode()).isEqualTo("INVALID_INPUT");
                });
        assertThatThrownBy(() -> aws.athena.getQueryExecution(b -> b.queryExecutionId("no-such-id")))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aLongQueryIsCancelledAndAQueryBehindItWaitsQueued() throws Exception {
        String slow = start("SELECT count(*) FROM range(100000000000) a");
        String queued = start("SELECT 1");
        TestAws.await("the slow query runs", Duration.ofSeconds(30), () -> state(slow) == QueryExecutionState.RUNNING);
        assertThat(state(queued)).isEqualTo(QueryExecutionState.QUEUED);
        assertThatThrownBy(() -> aws.athena.getQueryResults(b -> b.queryExecutionId(slow)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Current state: RUNNING");

        aws.athena.stopQueryExecution(b -> b.queryExecutionId(slow));

        assertThat(awaitDone(slow).status().state()).isEqualTo(QueryExecutionState.CANCELLED);
        assertThat(awaitDone(queued).status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
        assertThat(aws.athena.listQueryExecutions(b -> b.workGroup("primary")).queryExecutionIds())
                .startsWith(queued, slow);
    }

    private static String start(String sql) {
        return aws.athena.startQueryExecution(b -> b.queryString(sql)
                .queryExecutionContext(c -> c.database("covid"))
                .resultConfiguration(r -> r.outputLocation(RESULTS))).queryExecutionId();
    }

    private static QueryExecutionState state(String id) {
        return aws.athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution().status().state();
    }

    private static QueryExecution awaitDone(String id) throws InterruptedException {
        TestAws.await("query " + id + " is done", Duration.ofSeconds(30), () -> switch (state(id)) {
            case SUCCEEDED, FAILED, CANCELLED -> true;
            default -> false;
        });
        return aws.athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution();
    }

    private static List<List<String>> values(List<Row> rows) {
        return rows.stream().map(r -> r.data().stream().map(Datum::varCharValue).toList()).toList();
    }
}
