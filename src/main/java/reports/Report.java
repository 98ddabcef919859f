package reports;

/** One report: a SQL query whose file name (without {@code .sql}) is the report's name. */
public record Report(String name, String sql) {

    public Report {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("report name '" + name + "' must be letters, digits, '_' or '-'");
        }
        sql = sql.strip();
        while (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        if (sql.isEmpty()) {
            throw new IllegalArgumentException("report " + name + " has no SQL");
        }
    }

    public static Report fromFile(String fileName, String sql) {
        return new Report(fileName.replaceFirst("\\.sql$", ""), sql);
    }
}
