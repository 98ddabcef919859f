package local.aws;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The query executions, run one at a time on one thread (so a query really waits QUEUED behind another),
 * each result kept for GetQueryResults and written to its output location in S3 as Athena does.
 */
final class AthenaQueries implements AutoCloseable {

    private static final int KEPT = 1000;

    private final AthenaEngine engine;
    private final S3Client s3;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(Threads.daemon("athena-query"));
    private final Map<String, QueryExecution> executions = new LinkedHashMap<>();
    private final Map<String, String> idsByClientToken = new HashMap<>();

    AthenaQueries(AthenaEngine engine, S3Client s3) {
        this.engine = engine;
        this.s3 = s3;
    }

    /**
     * Queues a query; a repeated ClientRequestToken returns the execution it started before, so that
     * a retried call does not run the query twice.
     */
    synchronized String start(String query, String database, String catalog, String workGroup, String outputLocation,
                              String clientToken) {
        if (clientToken != null && idsByClientToken.containsKey(clientToken)) {
            return idsByClientToken.get(clientToken);
        }
        String id = UUID.randomUUID().toString();
        String resultObject = (outputLocation.endsWith("/") ? outputLocation : outputLocation + "/") + id + ".csv";
        QueryExecution execution = new QueryExecution(
                new QueryExecution.Request(id, query, database, catalog, workGroup, resultObject), Instant.now());
        executions.put(id, execution);
        forgetOldest();
        if (clientToken != null) {
            idsByClientToken.put(clientToken, id);
        }
        runner.execute(() -> run(execution));
        return id;
    }

    synchronized QueryExecution execution(String id) {
        QueryExecution execution = executions.get(id);
        if (execution == null) {
            throw AthenaApi.invalidRequest("QueryExecution " + id + " was not found");
        }
        return execution;
    }

    /** The executions of a workgroup, newest first. */
    synchronized List<QueryExecution> list(String workGroup) {
        List<QueryExecution> list = new ArrayList<>();
        executions.values().stream().filter(e -> e.request().workGroup().equals(workGroup)).forEach(list::add);
        Collections.reverse(list);
        return list;
    }

    void stop(String id) {
        execution(id).cancel(Instant.now());
    }

    @Override
    public void close() {
        List<QueryExecution> all;
        synchronized (this) {
            all = List.copyOf(executions.values());
        }
        all.forEach(e -> e.cancel(Instant.now()));
        runner.shutdownNow();
        try {
            runner.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engine.close();
    }

    private void run(QueryExecution execution) {
        if (!execution.begin(Instant.now())) {
            return;
        }
        QueryExecution.Request request = execution.request();
        AthenaEngine.Outcome outcome;
        try {
            outcome = engine.run(request.query(), request.database(), execution::running);
        } catch (QueryRefused e) {
            execution.fail(e.failure(), Instant.now());
            return;
        } catch (SQLException | RuntimeException e) {
            execution.fail(AthenaFailure.of(e.getMessage(), request.database()), Instant.now());
            return;
        }
        try {
            writeCsv(request.outputLocation(), outcome.result().toCsv());
        } catch (SdkException | IllegalArgumentException e) {
            execution.fail(AthenaFailure.resultWrite(e.getMessage()), Instant.now());
            return;
        }
        execution.succeed(outcome.result(), outcome.scannedBytes(), Instant.now());
    }

    private void writeCsv(String s3Url, String csv) {
        if (!s3Url.startsWith("s3://") || s3Url.indexOf('/', "s3://".length()) < 0) {
            throw new IllegalArgumentException("the output location is not an s3://bucket/prefix URL: " + s3Url);
        }
        String path = s3Url.substring("s3://".length());
        int slash = path.indexOf('/');
        s3.putObject(b -> b.bucket(path.substring(0, slash)).key(path.substring(slash + 1)).contentType("text/csv"),
                RequestBody.fromString(csv, StandardCharsets.UTF_8));
    }

    /** Keeps the newest {@value #KEPT} executions with their results, so that a long local run does not fill the heap. */
    private void forgetOldest() {
        var oldest = executions.values().iterator();
        while (executions.size() > KEPT && oldest.hasNext()) {
            QueryExecution execution = oldest.next();
            if (execution.status().completed() != null) {
                oldest.remove();
                idsByClientToken.values().remove(execution.request().id());
            }
        }
    }
}
