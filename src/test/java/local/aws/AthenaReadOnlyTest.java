package local.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;
import support.TestAws;

/**
 * The local Athena runs what Athena runs and no more: one read-only query over the lake. A statement that would
 * write, load, attach or configure anything fails as Athena fails it, and no query reads a file outside the lake.
 */
class AthenaReadOnlyTest {

    private static final String NOT_SUPPORTED = "NOT_SUPPORTED: The local Athena runs read-only queries only: "
            + "SELECT, WITH, VALUES, SHOW, DESCRIBE or EXPLAIN";

    @TempDir
    static Path host;

    private static TestAws aws;

    @BeforeAll
    static void crawlALake() throws Exception {
        aws = new TestAws(Duration.ZERO);
        aws.putParquet("lake/us_counties/dt=2023-01-01/covid.us-counties+0+0000000000.parquet",
                "(DATE '2023-01-01', 'Autauga', 'Alabama', '01001', 10, 1)");
        aws.crawl("covid");
    }

    @AfterAll
    static void stop() throws Exception {
        aws.close();
    }

    @Test
    void copyToAFileFailsAndWritesNothingOutsideOrInsideTheLake() throws Exception {
        Path outside = host.resolve("pwned.csv");
        Path inside = aws.s3Root.resolve(TestAws.BUCKET).resolve("pwned.csv");

        assertThat(failure("COPY (SELECT 1) TO '" + outside + "'")).isEqualTo(NOT_SUPPORTED);
        assertThat(failure("COPY (SELECT 1) TO '" + inside + "'")).isEqualTo(NOT_SUPPORTED);
        assertThat(failure("EXPORT DATABASE '" + host.resolve("export") + "'")).isEqualTo(NOT_SUPPORTED);

        assertThat(outside).doesNotExist();
        assertThat(inside).doesNotExist();
        assertThat(host.resolve("export")).doesNotExist();
    }

    @Test
    void aQueryReadsNoFileOutsideTheLake() throws Exception {
        Path outside = Files.writeString(host.resolve("secret.csv"), "secret\nkept-on-the-host\n");
        List<String> reads = List.of("SELECT * FROM read_csv('/etc/passwd')", "SELECT * FROM read_csv('" + outside + "')",
                "SELECT * FROM read_parquet('/some/file/outside.parquet')", "SELECT * FROM read_text('/etc/hostname')",
                "SELECT * FROM read_blob('" + outside + "')", "SELECT * FROM glob('/etc/*')",
                "SELECT * FROM read_csv('" + aws.s3Root + "/../secret.csv')", "SELECT * FROM read_json('file:///etc/passwd')",
                "SELECT * FROM read_csv('http://127.0.0.1:1/x.csv')");
        for (String read : reads) {
            QueryExecution execution = run(read);

            assertThat(execution.status().state()).as(read).isEqualTo(QueryExecutionState.FAILED);
            assertThat(execution.status().stateChangeReason()).as(read)
                    .startsWith("GENERIC_INTERNAL_ERROR: Access Denied: ")
                    .contains("is outside the lake (the local S3 server's data folder)")
                    .doesNotContain("root:", "kept-on-the-host");
            assertThatThrownBy(() -> aws.athena.getQueryResults(b -> b.queryExecutionId(execution.queryExecutionId())))
                    .isInstanceOf(InvalidRequestException.class);
        }
    }

    @Test
    void statementsThatLoadAttachOrConfigureFailAsNotSupported() throws Exception {
        for (String statement : List.of("ATTACH ':memory:' AS other", "ATTACH '" + host.resolve("other.db") + "' AS other",
                "INSTALL httpfs", "LOAD httpfs", "SET enable_external_access = true", "RESET allowed_directories",
                "PRAGMA version", "CALL pragma_version()", "CREATE TABLE t AS SELECT 1", "DROP VIEW us_counties",
                "INSERT INTO us_counties SELECT * FROM us_counties", "CHECKPOINT", "SET VARIABLE x = 1",
                "WITH a AS (SELECT 1) INSERT INTO t SELECT * FROM a", "EXPLAIN COPY (SELECT 1) TO 'x.csv'")) {
            assertThat(failure(statement)).as(statement).isEqualTo(NOT_SUPPORTED);
        }
        assertThat(host.resolve("other.db")).doesNotExist();
    }

    @Test
    void aSecondStatementIsNotRunAndFailsTheQuery() throws Exception {
        Path file = host.resolve("second.csv");
        String chained = "SELECT 1; COPY (SELECT 1) TO '" + file + "'";

        assertThat(failure(chained)).isEqualTo(NOT_SUPPORTED);
        assertThat(failure("SELECT 1; SELECT 2")).isEqualTo("NOT_SUPPORTED: Only one sql statement is allowed. Got: SELECT 1; SELECT 2");
        assertThat(file).doesNotExist();
    }

    @Test
    void readOnlyQueriesOverTheCatalogRun() throws Exception {
        for (String query : List.of("SELECT county FROM us_counties", "WITH c AS (SELECT * FROM us_counties) SELECT count(*) FROM c",
                "VALUES (1, 'a')", "SHOW TABLES", "DESCRIBE us_counties", "EXPLAIN SELECT * FROM us_counties",
                "explain analyze SELECT 1", "SELECT 1;", "-- a comment first\nSELECT 1")) {
            assertThat(run(query).status().state()).as(query).isEqualTo(QueryExecutionState.SUCCEEDED);
        }
    }

    @Test
    void aQueryThatIsNoStatementIsASyntaxError() throws Exception {
        assertThat(failure("SELECT county\nFROM us_counties WHERE")).startsWith("SYNTAX_ERROR: line 2:");
        assertThat(failure("-- nothing but a comment")).isEqualTo("SYNTAX_ERROR: line 1:25: the query has no statement");
    }

    private static String failure(String sql) throws InterruptedException {
        QueryExecutionStatus status = run(sql).status();
        assertThat(status.state()).as(sql).isEqualTo(QueryExecutionState.FAILED);
        assertThat(status.athenaError().errorCategory()).as(sql).isEqualTo(AthenaFailure.USER);
        return status.stateChangeReason();
    }

    private static QueryExecution run(String sql) throws InterruptedException {
        String id = aws.athena.startQueryExecution(b -> b.queryString(sql)
                .queryExecutionContext(c -> c.database("covid"))
                .resultConfiguration(r -> r.outputLocation("s3://" + TestAws.BUCKET + "/athena-results/"))).queryExecutionId();
        TestAws.await("query " + id + " is done", Duration.ofSeconds(30), () -> switch (state(id)) {
            case SUCCEEDED, FAILED, CANCELLED -> true;
            default -> false;
        });
        return aws.athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution();
    }

    private static QueryExecutionState state(String id) {
        return aws.athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution().status().state();
    }
}
