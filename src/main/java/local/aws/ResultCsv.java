package local.aws;

import java.util.List;

/** The CSV Athena writes next to each query: a header line, every value quoted, NULL as an empty field. */
final class ResultCsv {

    private ResultCsv() {
    }

    static String of(QueryResult result) {
        StringBuilder csv = new StringBuilder();
        line(csv, result.header());
        result.rows().forEach(row -> line(csv, row));
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> values) {
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
