package local.aws;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * In-memory DuckDB connections that can read the lake and nothing else, set up as DuckDB's "Securing DuckDB"
 * advises: files only under the S3 server's data folder (no other path, no URL, no spilling to a temp folder),
 * no extension installed or loaded beyond those built in, and the configuration locked, so that no SQL run on
 * the connection afterwards can lift any of it. The crawler reads schemas and Athena runs queries on these.
 */
final class LakeDuckDb {

    private LakeDuckDb() {
    }

    static Connection open(S3Folders lake) throws SQLException {
        Connection duckDb = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement sql = duckDb.createStatement()) {
            // DuckDB adds its temp folder to the allowed ones; without it, a query too big for memory fails instead
            sql.execute("SET temp_directory = ''");
            sql.execute("SET allowed_directories = [" + Sql.literal(lake.root() + "/") + "]");
            sql.execute("SET enable_external_access = false");
            sql.execute("SET autoinstall_known_extensions = false");
            sql.execute("SET autoload_known_extensions = false");
            sql.execute("SET allow_community_extensions = false");
            sql.execute("SET lock_configuration = true");
            return duckDb;
        } catch (SQLException e) {
            duckDb.close();
            throw e;
        }
    }
}
