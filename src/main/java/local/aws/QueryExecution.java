package local.aws;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * One query execution: what was asked, and its status, which moves QUEUED → RUNNING → SUCCEEDED, FAILED
 * or CANCELLED. The query thread and API calls (StopQueryExecution) change it; each change is atomic.
 */
final class QueryExecution {

    /** What StartQueryExecution asked for; {@code outputLocation} is the result object's s3:// URL. */
    record Request(String id, String query, String database, String catalog, String workGroup, String outputLocation) {
    }

    /** A snapshot of the status. */
    record Status(String state, Instant submitted, Instant started, Instant completed, AthenaFailure failure,
                  QueryResult result, long scannedBytes) {

        boolean done() {
            return completed != null;
        }
    }

    private final Request request;
    private Status status;
    private Statement running;

    QueryExecution(Request request, Instant submitted) {
        this.request = request;
        this.status = new Status("QUEUED", submitted, null, null, null, null, 0);
    }

    Request request() {
        return request;
    }

    synchronized Status status() {
        return status;
    }

    /** QUEUED → RUNNING; false when it was cancelled while queued. */
    synchronized boolean begin(Instant now) {
        if (!status.state().equals("QUEUED")) {
            return false;
        }
        status = new Status("RUNNING", status.submitted(), now, null, null, null, 0);
        return true;
    }

    /** The statement that StopQueryExecution cancels while the query runs. */
    synchronized void running(Statement statement) {
        running = statement;
    }

    synchronized void succeed(QueryResult result, long scannedBytes, Instant now) {
        finish(new Status("SUCCEEDED", status.submitted(), status.started(), now, null, result, scannedBytes));
    }

    synchronized void fail(AthenaFailure failure, Instant now) {
        finish(new Status("FAILED", status.submitted(), status.started(), now, failure, null, 0));
    }

    /** QUEUED or RUNNING → CANCELLED, interrupting DuckDB; a finished query stays as it is. */
    synchronized void cancel(Instant now) {
        if (status.done()) {
            return;
        }
        Statement statement = running;
        finish(new Status("CANCELLED", status.submitted(), status.started(), now, null, null, 0));
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException e) {
                // the statement ended (and closed) just now: nothing is left to interrupt
            }
        }
    }

    /** The first ending wins: a query cancelled while it ran stays CANCELLED when DuckDB then reports the interrupt. */
    private void finish(Status ended) {
        if (!status.done()) {
            status = ended;
        }
        running = null;
    }
}
