package replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** How many rows each calendar date has in a file: event-time pacing spreads a date's rows over its slot. */
public final class DayCounts {

    private DayCounts() {
    }

    /** Reads the file once, streaming; rows whose date does not parse are left out (the replay rejects them). */
    public static Map<LocalDate, Integer> scan(Path file) {
        Map<LocalDate, Integer> counts = new TreeMap<>();
        try (InputStream in = CountyCsv.openStream(file); CSVParser parser = CountyCsv.open(file, in)) {
            String lastText = null;
            LocalDate last = null;
            for (CSVRecord record : parser) {
                if (!record.isSet("date")) {
                    continue;
                }
                String text = record.get("date").trim();
                if (!text.equals(lastText)) {
                    lastText = text;
                    last = parseOrNull(text);
                }
                if (last != null) {
                    counts.merge(last, 1, Integer::sum);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    private static LocalDate parseOrNull(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
