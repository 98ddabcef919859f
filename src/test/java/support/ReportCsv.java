package support;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** A report's CSV as rows of column name to value; an empty (NULL) value reads as "". */
public final class ReportCsv {

    private ReportCsv() {
    }

    public static List<Map<String, String>> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in);
        }
    }

    /** The CSV as the bucket holds it. */
    public static List<Map<String, String>> parse(String csv) {
        try (Reader in = new StringReader(csv)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map<String, String>> read(Reader in) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            rows.add(new HashMap<>(record.toMap()));
        }
        return rows;
    }
}
