package reports;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;

/**
 * Whether a report's query runs (again): once, and again up to the most attempts only after a failure that
 * Athena calls retryable. Camel's own attempts would also start a query again when the wait ran out, while
 * the first one goes on scanning, so the route asks this instead.
 */
public final class QueryAttempts {

    private static final Logger LOG = LoggerFactory.getLogger(QueryAttempts.class);

    private final int most;

    public QueryAttempts(int most) {
        this.most = most;
    }

    /** Called before each attempt: {@code loopIndex} is null before the first, then the index of the last one. */
    public boolean another(@ExchangeProperty(Exchange.LOOP_INDEX) Integer loopIndex, @Variable("report") Report report,
                           @Body Object last) {
        if (loopIndex == null) {
            return true;
        }
        int made = loopIndex + 1;
        if (made >= most || !(last instanceof GetQueryExecutionResponse response)) {
            return false;
        }
        QueryExecutionStatus status = response.queryExecution().status();
        if (!"FAILED".equals(status.stateAsString()) || !retryable(status.stateChangeReason())) {
            return false;
        }
        LOG.warn("Report {}: query {} failed with a retryable error, attempt {} of {}: {}", report.name(),
                response.queryExecution().queryExecutionId(), made + 1, most, status.stateChangeReason());
        return true;
    }

    /** What Athena's documentation calls transient: an internal error, or resources exhausted at the moment. */
    static boolean retryable(String reason) {
        return reason != null && (reason.contains("GENERIC_INTERNAL_ERROR") || reason.contains("exhausted resources"));
    }
}
