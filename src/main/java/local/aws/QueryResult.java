package local.aws;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A finished query's columns and rows, every value in the text form Athena returns (null for SQL NULL). */
record QueryResult(List<ResultColumn> columns, List<List<String>> rows) {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    static QueryResult read(ResultSet resultSet) throws SQLException {
        ResultSetMetaData metadata = resultSet.getMetaData();
        List<ResultColumn> columns = new ArrayList<>();
        for (int i = 1; i <= metadata.getColumnCount(); i++) {
            columns.add(ResultColumn.of(metadata, i));
        }
        List<List<String>> rows = new ArrayList<>();
        while (resultSet.next()) {
            String[] row = new String[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = text(resultSet.getObject(i + 1));
            }
            rows.add(Arrays.asList(row));
        }
        return new QueryResult(List.copyOf(columns), rows);
    }

    /** The CSV Athena writes next to each query. */
    String toCsv() {
        return AthenaCsv.of(header(), rows);
    }

    /** The names of the columns, which Athena sends as the first row of the first page. */
    List<String> header() {
        return columns.stream().map(ResultColumn::name).toList();
    }

    /** As Trino prints values: doubles as Java does, decimals without exponent, timestamps to the millisecond. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().format(TIMESTAMP);
        }
        if (value instanceof LocalDateTime timestamp) {
            return timestamp.format(TIMESTAMP);
        }
        return value.toString();
    }
}
