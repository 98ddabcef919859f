package local.aws;

import java.util.Locale;
import java.util.Map;

/** Between DuckDB's types and the Hive types the Glue catalog records (as a crawler would infer them). */
final class HiveTypes {

    private static final Map<String, String> HIVE_OF_DUCKDB = Map.ofEntries(
            Map.entry("VARCHAR", "string"),
            Map.entry("BIGINT", "bigint"),
            Map.entry("INTEGER", "int"),
            Map.entry("SMALLINT", "smallint"),
            Map.entry("TINYINT", "tinyint"),
            Map.entry("DOUBLE", "double"),
            Map.entry("FLOAT", "float"),
            Map.entry("BOOLEAN", "boolean"),
            Map.entry("DATE", "date"),
            Map.entry("TIMESTAMP", "timestamp"),
            Map.entry("TIMESTAMP WITH TIME ZONE", "timestamp"),
            Map.entry("BLOB", "binary"));

    private static final Map<String, String> DUCKDB_OF_HIVE = Map.ofEntries(
            Map.entry("string", "VARCHAR"),
            Map.entry("bigint", "BIGINT"),
            Map.entry("int", "INTEGER"),
            Map.entry("smallint", "SMALLINT"),
            Map.entry("tinyint", "TINYINT"),
            Map.entry("double", "DOUBLE"),
            Map.entry("float", "FLOAT"),
            Map.entry("boolean", "BOOLEAN"),
            Map.entry("date", "DATE"),
            Map.entry("timestamp", "TIMESTAMP"),
            Map.entry("binary", "BLOB"));

    private HiveTypes() {
    }

    /** Nested and unusual types become string: the local catalog does not model struct or array. */
    static String ofDuckDb(String duckDbType) {
        String type = duckDbType.toUpperCase(Locale.ROOT);
        if (type.startsWith("DECIMAL")) {
            return type.toLowerCase(Locale.ROOT).replace(" ", "");
        }
        if (type.equals("HUGEINT")) {
            return "decimal(38,0)";
        }
        return HIVE_OF_DUCKDB.getOrDefault(type, "string");
    }

    static String toDuckDb(String hiveType) {
        String type = hiveType.toLowerCase(Locale.ROOT);
        if (type.startsWith("decimal")) {
            return type.toUpperCase(Locale.ROOT);
        }
        return DUCKDB_OF_HIVE.getOrDefault(type, "VARCHAR");
    }
}
