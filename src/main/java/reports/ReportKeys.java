package reports;

import lake.ObjectKeys;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where a report's results live in the bucket: {@code <prefix>/<name>/<UTC timestamp>.csv} and a {@code latest.csv};
 * and the page drawn from a run of all of them: {@code <prefix>/index.html}, and a copy per run under
 * {@code <prefix>/pages/}.
 */
public final class ReportKeys {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final String prefix;
    private final Clock clock;

    public ReportKeys(String prefix, Clock clock) {
        this.clock = clock;
        this.prefix = ObjectKeys.folder(prefix);
    }

    /** The key of a run starting now; keys sort by time, so a report's newest run is the last key of its folder. */
    public String run(String report) {
        return prefix + report + "/" + STAMP.format(clock.instant()) + ".csv";
    }

    public String latest(String report) {
        return prefix + report + "/latest.csv";
    }

    /** The page of the latest run, where a reader looks for it. */
    public String page() {
        return prefix + "index.html";
    }

    /** A run's own copy of the page, named when the run began; the copies sort by time. */
    public String pageCopy(Instant ranAt) {
        return prefix + "pages/" + STAMP.format(ranAt) + ".html";
    }
}
