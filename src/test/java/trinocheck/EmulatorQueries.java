package trinocheck;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import reports.ResultTable;
import settings.Settings;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;
import software.amazon.awssdk.services.glue.GlueClient;
import support.TestAws;

/**
 * Report SQL on the Athena emulator over a pipeline's data dir, through the Athena SDK over HTTP as the report route
 * sends it: in the pipeline's database, results to its output location, every page read. The local S3 server and
 * the emulator run in this JVM on free ports; no broker, the lake is written already.
 */
final class EmulatorQueries implements AutoCloseable {

    private static final Duration QUERY_LIMIT = Duration.ofMinutes(5);

    private final TestAws aws;
    private final String database;
    private final String outputLocation;

    EmulatorQueries(Path dataDir, Settings settings) {
        aws = new TestAws(dataDir);
        database = settings.text("athena.database");
        outputLocation = settings.text("athena.output-location");
    }

    GlueClient glue() {
        return aws.glue;
    }

    String database() {
        return database;
    }

    ResultTable run(String sql) throws QueryFailedException, InterruptedException {
        String id = aws.athena.startQueryExecution(b -> b.queryString(sql)
                .queryExecutionContext(c -> c.database(database))
                .resultConfiguration(r -> r.outputLocation(outputLocation))).queryExecutionId();
        Instant deadline = Instant.now().plus(QUERY_LIMIT);
        QueryExecutionStatus status = status(id);
        while (status.completionDateTime() == null) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the emulator's query " + id + " did not end within " + QUERY_LIMIT.toMinutes() + " min");
            }
            Thread.sleep(50);
            status = status(id);
        }
        if (status.state() != QueryExecutionState.SUCCEEDED) {
            throw new QueryFailedException(status.state() + ": " + status.stateChangeReason());
        }
        return ResultTable.fromPages(aws.athena.getQueryResultsPaginator(b -> b.queryExecutionId(id)));
    }

    private QueryExecutionStatus status(String id) {
        return aws.athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution().status();
    }

    @Override
    public void close() throws Exception {
        aws.close();
    }
}
