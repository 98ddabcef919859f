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
        this.prefix = folder(prefix);
        this.topic = topic;
    }

    /** A key prefix as a folder: without surrounding blanks, ending in one '/', or empty for the bucket's root. */
    public static String folder(String prefix) {
        String trimmed = prefix.strip().replaceAll("/+$", "");
        return trimmed.isEmpty() ? "" : trimmed + "/";
    }

    /** The lake's root folder, e.g. {@code lake/}: what the crawler's S3 target points at. */
    public String root() {
        return prefix;
    }

    /** The folder of the table, e.g. {@code lake/us_counties/}: what Glue crawls. */
    public String tableFolder() {
        return prefix + TABLE + "/";
    }

    /** The folder of one date, e.g. {@code lake/us_counties/dt=2023-01-01/}: a partition of the table. */
    public String dateFolder(LocalDate date) {
        return tableFolder() + "dt=" + date + "/";
    }

    public String key(LocalDate date, int partition, long firstOffset, String extension) {
        return dateFolder(date) + topic + "+" + partition + "+" + String.format("%010d", firstOffset)
                + "." + extension;
    }
}
