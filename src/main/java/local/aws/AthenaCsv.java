package local.aws;

import java.util.List;

/**
 * The CSV file Athena writes next to each query: the column names first, then the rows; every value in double
 * quotes (a quote inside doubled), and SQL NULL as an empty field without quotes, so that it differs from ''.
 */
final class AthenaCsv {

    private AthenaCsv() {
    }

    static String of(List<String> header, List<List<String>> rows) {
        StringBuilder csv = new StringBuilder();
        appendLine(csv, header);
        rows.forEach(row -> appendLine(csv, row));
        return csv.toString();
    }

    private static void appendLine(StringBuilder csv, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String value = values.get(i);
            if (value != null) {
                csv.append('"').append(value.replace("\"", "\"\"")).append('"');
            }
        }
        csv.append('\n');
    }
}
