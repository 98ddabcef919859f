package reports;

import lake.ObjectKeys;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Where a report's results live in the bucket: {@code <prefix>/<name>/<UTC timestamp>.csv} and a {@code latest.csv}. */
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
}
