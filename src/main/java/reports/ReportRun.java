package reports;

import java.util.ArrayList;
import java.util.List;

/** The tally of one run of all reports. */
public final class ReportRun {

    private final List<String> succeeded = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();

    synchronized void succeeded(String report) {
        succeeded.add(report);
    }

    synchronized void failed(String report) {
        failed.add(report);
    }

    public synchronized boolean anyFailed() {
        return !failed.isEmpty();
    }

    @Override
    public synchronized String toString() {
        int total = succeeded.size() + failed.size();
        return "Reports: " + succeeded.size() + " of " + total + " succeeded"
                + (failed.isEmpty() ? "" : "; failed: " + String.join(", ", failed));
    }
}
