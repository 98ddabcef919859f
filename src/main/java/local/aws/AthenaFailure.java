package local.aws;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a query failed, in Athena's words: a Trino error name and position ("TABLE_NOT_FOUND: line 1:15: ..."),
 * translated from DuckDB's message so that code and people reading the reason see what Athena would say.
 */
record AthenaFailure(int category, int type, String message) {

    static final int SYSTEM = 1;
    static final int USER = 2;
    private static final int USER_ERROR_TYPE = 1000;
    private static final int ENGINE_ERROR_TYPE = 200;
    private static final int RESULT_WRITE_ERROR_TYPE = 401;

    private static final Pattern TABLE = Pattern.compile("Table with name (\\S+) does not exist");
    private static final Pattern SCHEMA = Pattern.compile("(?:Schema with name|because schema) \"?([^\\s\"!]+)\"? does not exist");
    private static final Pattern COLUMN = Pattern.compile("Referenced column \"?([^\"]+)\"? not found");
    private static final Pattern LINE = Pattern.compile("LINE (\\d+): ");
    private static final Pattern DENIED = Pattern.compile("Permission Error: Cannot access (?:file|directory) (\"[^\"]*\")");

    /** The failure of a query whose database (QueryExecutionContext.Database) is {@code database}. */
    static AthenaFailure of(String duckDbMessage, String database) {
        String message = String.valueOf(duckDbMessage);
        String first = message.lines().findFirst().orElse("").strip();
        String at = "line " + position(message) + ": ";
        Matcher schema = SCHEMA.matcher(first);
        if (schema.find()) {
            return user("SCHEMA_NOT_FOUND: " + at + "Schema '" + schema.group(1) + "' does not exist");
        }
        Matcher table = TABLE.matcher(first);
        if (table.find()) {
            return user("TABLE_NOT_FOUND: " + at + "Table '" + qualified(table.group(1), database) + "' does not exist");
        }
        Matcher column = COLUMN.matcher(first);
        if (column.find()) {
            return user("COLUMN_NOT_FOUND: " + at + "Column '" + column.group(1)
                    + "' cannot be resolved or requester is not authorized to access requested resources");
        }
        Matcher denied = DENIED.matcher(first);
        if (denied.find()) {
            // Athena reports an S3 object it may not read as an internal error saying Access Denied
            return new AthenaFailure(SYSTEM, ENGINE_ERROR_TYPE, "GENERIC_INTERNAL_ERROR: Access Denied: " + denied.group(1)
                    + " is outside the lake (the local S3 server's data folder), the only files the local Athena reads");
        }
        if (first.startsWith("Parser Error: ")) {
            return user("SYNTAX_ERROR: " + at + first.substring("Parser Error: ".length()));
        }
        if (first.startsWith("Out of Range Error: ")) {
            return user("NUMERIC_VALUE_OUT_OF_RANGE: " + at + first.substring("Out of Range Error: ".length()));
        }
        if (first.startsWith("Binder Error: ") || first.startsWith("Conversion Error: ")
                || first.startsWith("Invalid Input Error: ") || first.startsWith("Catalog Error: ")) {
            return user("GENERIC_USER_ERROR: " + at + first.substring(first.indexOf(": ") + 2));
        }
        return new AthenaFailure(SYSTEM, ENGINE_ERROR_TYPE, "GENERIC_INTERNAL_ERROR: " + first);
    }

    /** A statement Athena does not run here, such as anything but one read-only query. */
    static AthenaFailure notSupported(String message) {
        return user("NOT_SUPPORTED: " + message);
    }

    /** A syntax error at the 0-based {@code offset} of the query. */
    static AthenaFailure syntax(String query, int offset, String message) {
        String before = query.substring(0, Math.max(0, Math.min(offset, query.length())));
        long line = before.chars().filter(c -> c == '\n').count() + 1;
        int column = before.length() - before.lastIndexOf('\n');
        return user("SYNTAX_ERROR: line " + line + ":" + column + ": " + message);
    }

    static AthenaFailure resultWrite(String detail) {
        return new AthenaFailure(SYSTEM, RESULT_WRITE_ERROR_TYPE, "Error writing query results to S3: " + detail);
    }

    private static AthenaFailure user(String message) {
        return new AthenaFailure(USER, USER_ERROR_TYPE, message);
    }

    /** Athena names tables in full: awsdatacatalog.database.table. */
    private static String qualified(String name, String database) {
        String unquoted = name.replace("\"", "");
        return switch ((int) unquoted.chars().filter(c -> c == '.').count()) {
            case 0 -> "awsdatacatalog." + database + "." + unquoted;
            case 1 -> "awsdatacatalog." + unquoted;
            default -> unquoted;
        };
    }

    /** line:column from DuckDB's "LINE n: sql" and the caret line under it; 1:1 when it gives none. */
    private static String position(String message) {
        Matcher line = LINE.matcher(message);
        if (!line.find()) {
            return "1:1";
        }
        String rest = message.substring(line.end());
        int newline = rest.indexOf('\n');
        int caret = newline < 0 ? -1 : rest.indexOf('^', newline) - newline - 1 - (line.end() - line.start());
        return line.group(1) + ":" + Math.max(1, caret + 1);
    }
}
