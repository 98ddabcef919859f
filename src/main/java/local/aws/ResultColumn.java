package local.aws;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A result column as Athena describes it: its name and its Trino type, from the type DuckDB gave the column. */
record ResultColumn(String name, String type, int precision, int scale) {

    private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),\\s*(\\d+)\\)");

    /** Athena's type names, with the precision it reports for them. */
    private static final Map<String, ResultColumn> OF_DUCKDB = Map.ofEntries(
            Map.entry("VARCHAR", new ResultColumn("", "varchar", 2147483647, 0)),
            Map.entry("BIGINT", new ResultColumn("", "bigint", 19, 0)),
            Map.entry("HUGEINT", new ResultColumn("", "bigint", 19, 0)),
            Map.entry("UBIGINT", new ResultColumn("", "bigint", 19, 0)),
            Map.entry("INTEGER", new ResultColumn("", "integer", 10, 0)),
            Map.entry("UINTEGER", new ResultColumn("", "bigint", 19, 0)),
            Map.entry("SMALLINT", new ResultColumn("", "smallint", 5, 0)),
            Map.entry("TINYINT", new ResultColumn("", "tinyint", 3, 0)),
            Map.entry("DOUBLE", new ResultColumn("", "double", 17, 0)),
            Map.entry("FLOAT", new ResultColumn("", "float", 17, 0)),
            Map.entry("BOOLEAN", new ResultColumn("", "boolean", 0, 0)),
            Map.entry("DATE", new ResultColumn("", "date", 0, 0)),
            Map.entry("TIMESTAMP", new ResultColumn("", "timestamp", 3, 0)),
            Map.entry("BLOB", new ResultColumn("", "varbinary", 2147483647, 0)));

    /** Other DuckDB types (lists, structs, intervals) come back as their text, so as varchar. */
    static ResultColumn of(ResultSetMetaData metadata, int column) throws SQLException {
        String name = metadata.getColumnLabel(column);
        String duckDbType = metadata.getColumnTypeName(column).toUpperCase(Locale.ROOT);
        Matcher decimal = DECIMAL.matcher(duckDbType);
        if (decimal.matches()) {
            return new ResultColumn(name, "decimal", Integer.parseInt(decimal.group(1)), Integer.parseInt(decimal.group(2)));
        }
        ResultColumn type = OF_DUCKDB.getOrDefault(duckDbType, OF_DUCKDB.get("VARCHAR"));
        return new ResultColumn(name, type.type(), type.precision(), type.scale());
    }

    boolean caseSensitive() {
        return type.equals("varchar");
    }
}
