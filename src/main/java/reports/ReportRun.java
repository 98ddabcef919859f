package reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One run of all reports: when it began, the results of those that succeeded, and which failed. */
public final class ReportRun {

    private final Instant ranAt;
    private final Map<String, ResultTable> results = new LinkedHashMap<>();
    private final List<String> failed = new ArrayList<>();

    ReportRun(Instant ranAt) {
        this.ranAt = ranAt;
    }

    synchronized void succeeded(String report, ResultTable result) {
        results.put(report, result);
    }

    synchronized void failed(String report) {
        failed.add(report);
    }

    public Instant ranAt() {
        return ranAt;
    }

    /** The report's result in this run; null if it failed or did not run. */
    synchronized ResultTable result(String report) {
        return results.get(report);
    }

    synchronized boolean hasFailed(String report) {
        return failed.contains(report);
    }

    /** Each report that succeeded, and how many rows it returned, in the order they ran. */
    synchronized Map<String, Integer> rowCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        results.forEach((report, result) -> counts.put(report, result.rows().size()));
        return counts;
    }

    public synchronized boolean anyFailed() {
        return !failed.isEmpty();
    }

    @Override
    public synchronized String toString() {
        int total = results.size() + failed.size();
        return "Reports: " + results.size() + " of " + total + " succeeded"
                + (failed.isEmpty() ? "" : "; failed: " + String.join(", ", failed));
    }
}
