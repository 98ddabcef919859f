package replay;

import covid.CountyRowParser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Opens a county CSV file as a stream of records, checking its header first. */
final class CountyCsv {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    private CountyCsv() {
    }

    static CSVParser open(Path file, InputStream in) throws IOException {
        Reader reader = skipBom(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16));
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        List<String> missing = CountyRowParser.missingColumns(parser.getHeaderMap().keySet());
        if (!missing.isEmpty()) {
            parser.close();
            throw new ReplayInputException("replay.file: " + file + " has no column " + String.join(", ", missing)
                    + " in its header " + parser.getHeaderNames() + "; expected " + CountyRowParser.COLUMNS);
        }
        return parser;
    }

    static InputStream openStream(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ReplayInputException("replay.file: no such file: " + file.toAbsolutePath());
        }
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new ReplayInputException("replay.file: cannot read " + file.toAbsolutePath() + ": " + e.getMessage());
        }
    }

    /** Where each of {@link CountyRowParser#COLUMNS} is in the file's records: looked up once, not per row. */
    static int[] columnIndexes(CSVParser parser) {
        return CountyRowParser.COLUMNS.stream().mapToInt(c -> parser.getHeaderMap().get(c)).toArray();
    }

    /** The record's fields in {@link CountyRowParser#COLUMNS} order, or null when it has too few or too many. */
    static List<String> countyValues(CSVRecord record, int[] columns, int headerSize) {
        if (record.size() != headerSize) {
            return null;
        }
        String[] values = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            values[i] = record.get(columns[i]);
        }
        return Arrays.asList(values);
    }

    /** Spreadsheet exports start with a UTF-8 byte order mark, which would otherwise end up in the first column's name. */
    private static Reader skipBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    static String raw(CSVRecord record) {
        return CSVFormat.DEFAULT.format((Object[]) record.values());
    }
}
