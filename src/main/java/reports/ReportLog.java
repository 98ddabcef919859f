package reports;

import metrics.PipelineMetrics;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.apache.camel.Body;
import org.apache.camel.ExchangeException;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.apache.camel.component.aws2.athena.Athena2Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatistics;

/**
 * Says how each report of a run ended: its result as a table, or Athena's reason for failing. A query still
 * running when the wait ran out is stopped, since Athena would go on scanning (and billing) for nobody.
 */
public final class ReportLog {

    private static final Logger LOG = LoggerFactory.getLogger(ReportLog.class);

    private final AthenaClient athena;
    private final String bucket;
    private final int rowsShown;
    private final PipelineMetrics metrics;
    private final Clock clock;

    public ReportLog(AthenaClient athena, String bucket, int rowsShown, PipelineMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
        this.athena = athena;
        this.bucket = bucket;
        this.rowsShown = rowsShown;
    }

    public ReportRun begin() {
        return new ReportRun(clock.instant());
    }

    public void succeeded(@Variable("run") ReportRun run, @Variable("report") Report report,
                          @Variable("execution") GetQueryExecutionResponse execution, @Variable("key") String key,
                          @Body ResultTable table) {
        run.succeeded(report.name(), table);
        measure(report, execution.queryExecution());
        QueryExecutionStatistics stats = execution.queryExecution().statistics();
        LOG.info("Report {}: {} rows in {} ms, {} scanned, s3://{}/{}\n{}", report.name(), table.rows().size(),
                stats == null ? "?" : stats.totalExecutionTimeInMillis(),
                stats == null ? "?" : bytes(stats.dataScannedInBytes()), bucket, key, table.toText(rowsShown));
    }

    public void failed(@Variable("run") ReportRun run, @Variable("report") Report report,
                       @Header(Athena2Constants.QUERY_EXECUTION_ID) String id, @Body GetQueryExecutionResponse response) {
        run.failed(report.name());
        if (response == null) {
            // the wait ended before the first look at the query
            metrics.reportQuery(report.name(), "TIMED_OUT", Duration.ZERO, 0);
            stop(id);
            LOG.error("Report {} failed: query {} did not end within athena.wait-timeout; stopped it", report.name(), id);
            return;
        }
        QueryExecution execution = response.queryExecution();
        measure(report, execution);
        QueryExecutionState state = execution.status().state();
        if (state == QueryExecutionState.QUEUED || state == QueryExecutionState.RUNNING) {
            stop(execution.queryExecutionId());
            LOG.error("Report {} failed: query {} was still {} when athena.wait-timeout ran out; stopped it",
                    report.name(), execution.queryExecutionId(), state);
            return;
        }
        LOG.error("Report {} failed: query {} ended {}: {}", report.name(), execution.queryExecutionId(), state,
                execution.status().stateChangeReason());
    }

    public void failedWithError(@Variable("run") ReportRun run, @Variable("report") Report report,
                                @ExchangeException Exception error) {
        run.failed(report.name());
        metrics.reportQuery(report.name(), "ERROR", Duration.ZERO, 0);
        LOG.error("Report {} failed: {}", report.name(), error.getMessage());
    }

    public void summary(@Variable("run") ReportRun run) {
        if (run.anyFailed()) {
            LOG.warn("{}", run);
        } else {
            LOG.info("{}", run);
        }
    }

    private void stop(String queryExecutionId) {
        try {
            athena.stopQueryExecution(r -> r.queryExecutionId(queryExecutionId));
        } catch (SdkException e) {
            LOG.warn("Query {} could not be stopped: {}", queryExecutionId, e.getMessage());
        }
    }

    private void measure(Report report, QueryExecution execution) {
        QueryExecutionStatistics stats = execution.statistics();
        long millis = stats == null || stats.totalExecutionTimeInMillis() == null ? 0 : stats.totalExecutionTimeInMillis();
        long scanned = stats == null || stats.dataScannedInBytes() == null ? 0 : stats.dataScannedInBytes();
        metrics.reportQuery(report.name(), execution.status().stateAsString(), Duration.ofMillis(millis), scanned);
    }

    private static String bytes(Long bytes) {
        if (bytes == null) {
            return "?";
        }
        return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
