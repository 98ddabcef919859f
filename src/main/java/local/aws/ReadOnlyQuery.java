package local.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What Athena runs, and no more: one read-only query. DuckDB's own parser reads the text, so that this check and
 * the run cannot see different statements: {@code json_serialize_sql} parses without running anything and
 * serializes SELECT statements only, which in DuckDB include WITH, VALUES, SHOW, DESCRIBE and SUMMARIZE, while
 * COPY, ATTACH, INSTALL, LOAD, SET, PRAGMA, CALL, EXPORT and every statement that writes are not. EXPLAIN
 * [ANALYZE] is let through in front of such a query.
 */
final class ReadOnlyQuery {

    private static final Pattern EXPLAIN = Pattern.compile("\\s*EXPLAIN(\\s+ANALYZE)?\\s+", Pattern.CASE_INSENSITIVE);
    private static final String ONLY_QUERIES =
            "The local Athena runs read-only queries only: SELECT, WITH, VALUES, SHOW, DESCRIBE or EXPLAIN";

    private ReadOnlyQuery() {
    }

    /** Throws the failure Athena would report when {@code query} is not one read-only query. */
    static void check(Connection duckDb, String query) throws QueryRefused, SQLException {
        Matcher explain = EXPLAIN.matcher(query);
        int start = explain.lookingAt() ? explain.end() : 0;
        JsonNode parsed = parse(duckDb, query.substring(start));
        if (parsed.path("error").asBoolean()) {
            if (parsed.path("error_type").asText().equals("parser")) {
                throw new QueryRefused(AthenaFailure.syntax(query, start + parsed.path("position").asInt(0),
                        parsed.path("error_message").asText()));
            }
            throw new QueryRefused(AthenaFailure.notSupported(ONLY_QUERIES));
        }
        int statements = parsed.path("statements").size();
        if (statements == 0) {
            throw new QueryRefused(AthenaFailure.syntax(query, query.length(), "the query has no statement"));
        }
        if (statements > 1) {
            throw new QueryRefused(AthenaFailure.notSupported("Only one sql statement is allowed. Got: " + query));
        }
    }

    private static JsonNode parse(Connection duckDb, String sql) throws SQLException {
        try (PreparedStatement serialize = duckDb.prepareStatement("SELECT json_serialize_sql(?)")) {
            serialize.setString(1, sql);
            try (ResultSet result = serialize.executeQuery()) {
                result.next();
                return Json.MAPPER.readTree(result.getString(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("DuckDB's parse of a query is not JSON", e);
        }
    }
}
