package local.aws;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Athena's query engine, played by one in-memory DuckDB that reads the lake only: the Glue catalog is the DuckDB
 * catalog {@code awsdatacatalog}, a schema per Glue database and a view per table, refreshed before each query so
 * that a query sees the partitions registered by then. Used by one thread at a time.
 */
final class AthenaEngine implements AutoCloseable {

    private static final String CATALOG = "awsdatacatalog";

    private final GlueCatalog catalog;
    private final S3Folders lake;
    private final Connection duckDb;

    AthenaEngine(GlueCatalog catalog, S3Folders lake) {
        this.catalog = catalog;
        this.lake = lake;
        try {
            duckDb = LakeDuckDb.open(lake);
            try (Statement sql = duckDb.createStatement()) {
                sql.execute("ATTACH ':memory:' AS " + CATALOG);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the local Athena engine (DuckDB): " + e.getMessage(), e);
        }
    }

    /** What one query produced, and the bytes of lake files its tables hold (Athena's DataScannedInBytes). */
    record Outcome(QueryResult result, long scannedBytes) {
    }

    /**
     * Runs {@code query} with {@code database} as the default schema; {@code started} receives the statement
     * before it runs, so that another thread can cancel it.
     */
    Outcome run(String query, String database, Consumer<Statement> started) throws SQLException, QueryRefused {
        ReadOnlyQuery.check(duckDb, query);
        if (catalog.databases().stream().noneMatch(d -> d.name().equalsIgnoreCase(database))) {
            throw new SQLException("Catalog Error: Schema with name " + database + " does not exist!");
        }
        long scanned = refreshViews(query);
        try (Statement statement = duckDb.createStatement()) {
            statement.execute("USE " + CATALOG + "." + Sql.name(database.toLowerCase(Locale.ROOT)));
            started.accept(statement);
            if (!statement.execute(query)) {
                return new Outcome(new QueryResult(List.of(), List.of()), 0);
            }
            return new Outcome(QueryResult.read(statement.getResultSet()), scanned);
        }
    }

    /** Recreates the views of every catalog table; returns the bytes of the tables the query names. */
    private long refreshViews(String query) throws SQLException {
        long scanned = 0;
        try (Statement sql = duckDb.createStatement()) {
            for (GlueCatalog.Database database : catalog.databases()) {
                String schema = CATALOG + "." + Sql.name(database.name());
                sql.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
                for (GlueTable table : catalog.tables(database.name())) {
                    TableView view = TableView.of(table, lake);
                    sql.execute("CREATE OR REPLACE VIEW " + schema + "." + Sql.name(table.name()) + " AS " + view.select());
                    if (mentions(query, table.name())) {
                        scanned += view.bytes();
                    }
                }
            }
        }
        return scanned;
    }

    private static boolean mentions(String query, String table) {
        return Pattern.compile("\\b" + Pattern.quote(table) + "\\b", Pattern.CASE_INSENSITIVE).matcher(query).find();
    }

    @Override
    public void close() {
        try {
            duckDb.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
