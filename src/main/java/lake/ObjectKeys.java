package lake;

import java.time.LocalDate;

/**
 * Where an object lives in the lake: {@code <prefix>/us_counties/dt=<date>/<topic>+<partition>+<first offset>.<ext>}.
 * The name depends only on the records it holds, so a batch written again after a crash replaces its own
 * object instead of adding a second copy.
 */
public final class ObjectKeys {

    public static final String TABLE = "us_counties";

    private final String prefix;
    private final String topic;

    public ObjectKeys(String prefix, String topic) {
        String trimmed = prefix.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        this.prefix = trimmed.isEmpty() ? "" : trimmed + "/";
        this.topic = topic;
    }

    /** The folder of the table, e.g. {@code lake/us_counties/}: what Glue crawls. */
    public String tableFolder() {
        return prefix + TABLE + "/";
    }

    public String key(LocalDate date, int partition, long firstOffset, String extension) {
        return tableFolder() + "dt=" + date + "/" + topic + "+" + partition + "+" + String.format("%010d", firstOffset)
                + "." + extension;
    }
}
