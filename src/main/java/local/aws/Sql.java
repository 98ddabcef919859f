package local.aws;

/** Quoting for the DuckDB statements the emulator builds from names found in the lake. */
final class Sql {

    private Sql() {
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static String name(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
