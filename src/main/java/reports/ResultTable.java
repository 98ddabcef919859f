package reports;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.Row;

/** A query's result: column names and types, and rows of values as Athena returns them (null for SQL NULL). */
public record ResultTable(List<String> columns, List<String> types, List<List<String>> rows) {

    /**
     * Reads every page. Athena puts the column names as the first row of the first page; that row is not data.
     */
    public static ResultTable fromPages(Iterable<GetQueryResultsResponse> pages) {
        List<String> columns = null;
        List<String> types = null;
        List<List<String>> rows = new ArrayList<>();
        for (GetQueryResultsResponse page : pages) {
            List<Row> pageRows = page.resultSet().rows();
            int from = 0;
            if (columns == null) {
                List<ColumnInfo> info = page.resultSet().resultSetMetadata().columnInfo();
                columns = info.stream().map(ColumnInfo::name).toList();
                types = info.stream().map(ColumnInfo::type).toList();
                from = pageRows.isEmpty() ? 0 : 1;
            }
            for (Row row : pageRows.subList(from, pageRows.size())) {
                rows.add(row.data().stream().map(Datum::varCharValue).toList());
            }
        }
        if (columns == null) {
            throw new IllegalStateException("the query returned no result pages");
        }
        return new ResultTable(columns, types, rows);
    }

    /** The index of the named column; a query someone changed may no longer have it. */
    public int column(String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + name + " among " + String.join(", ", columns));
        }
        return index;
    }

    /** CSV as Athena writes it: a header, every value quoted, NULL as an empty field. */
    public String toCsv() {
        StringBuilder csv = new StringBuilder();
        appendCsvLine(csv, columns);
        rows.forEach(row -> appendCsvLine(csv, row));
        return csv.toString();
    }

    /** An aligned text table of the first {@code limit} rows, numbers right-aligned, for the log. */
    public String toText(int limit) {
        List<List<String>> shown = rows.subList(0, Math.min(limit, rows.size()));
        int[] widths = new int[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = columns.get(c).length();
            for (List<String> row : shown) {
                widths[c] = Math.max(widths[c], display(row.get(c)).length());
            }
        }
        StringBuilder text = new StringBuilder();
        appendTextLine(text, columns, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        appendTextLine(text, rule, widths);
        shown.forEach(row -> appendTextLine(text, row, widths));
        text.append("(").append(rows.size()).append(rows.size() == 1 ? " row" : " rows");
        if (shown.size() < rows.size()) {
            text.append(", first ").append(shown.size()).append(" shown");
        }
        return text.append(")").toString();
    }

    private void appendTextLine(StringBuilder text, List<String> values, int[] widths) {
        text.append(" ");
        for (int c = 0; c < widths.length; c++) {
            String value = display(values.get(c));
            String padding = " ".repeat(widths[c] - value.length());
            text.append(' ').append(isNumber(c) ? padding + value : value + padding).append(' ');
        }
        text.append('\n');
    }

    private boolean isNumber(int column) {
        return types.get(column).matches("tinyint|smallint|integer|bigint|real|double|decimal.*");
    }

    private static String display(String value) {
        return value == null ? "NULL" : value;
    }

    private static void appendCsvLine(StringBuilder csv, List<String> values) {
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
