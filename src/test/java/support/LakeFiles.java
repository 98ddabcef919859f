package support;

import covid.CountyRow;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads lake files back with DuckDB, independently of the code that wrote them. */
public final class LakeFiles {

    private LakeFiles() {
    }

    public static List<CountyRow> readParquet(Path file) throws SQLException {
        return query("SELECT date, county, state, fips, cases, deaths FROM read_parquet('" + file + "')");
    }

    /** Every row of every object under a folder, in any format the lake writes. */
    public static List<CountyRow> readFolder(Path folder, String extension) throws SQLException {
        String reader = extension.equals("parquet")
                ? "read_parquet('" + folder + "/**/*.parquet', hive_partitioning = false)"
                : "read_json('" + folder + "/**/*.jsonl.gz', format = 'newline_delimited', columns = {date: 'DATE', "
                  + "county: 'VARCHAR', state: 'VARCHAR', fips: 'VARCHAR', cases: 'BIGINT', deaths: 'BIGINT'})";
        return query("SELECT date, county, state, fips, cases, deaths FROM " + reader);
    }

    /** How a Parquet file is laid out, as DuckDB reads its footer: row groups, column chunks per group, codecs. */
    public static String parquetLayout(Path file) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("SELECT count(DISTINCT row_group_id), count(*) / count(DISTINCT row_group_id), "
                     + "string_agg(DISTINCT compression, ',') FROM parquet_metadata('" + file + "')")) {
            rs.next();
            return rs.getLong(1) + " row group(s), " + rs.getLong(2) + " column(s), " + rs.getString(3);
        }
    }

    public static List<String> parquetSchema(Path file) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + file + "')")) {
            while (rs.next()) {
                columns.add(rs.getString("column_name") + " " + rs.getString("column_type"));
            }
        }
        return columns;
    }

    private static List<CountyRow> query(String select) throws SQLException {
        List<CountyRow> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery(select)) {
            while (rs.next()) {
                long deaths = rs.getLong(6);
                Long deathsOrNull = rs.wasNull() ? null : deaths;
                rows.add(new CountyRow(0, rs.getObject(1, java.time.LocalDate.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getLong(5), deathsOrNull));
            }
        }
        return rows;
    }
}
