package local.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A catalog table whose partitions hold no files yet is still a table: no rows, all its columns. */
class TableViewTest {

    @Test
    void aTableWithoutDataHasItsColumnsAndNoRows() throws Exception {
        GlueTable table = new GlueTable("covid", "us_counties", LakeFormat.PARQUET, "s3://covid-lake/lake/us_counties/",
                List.of(new Column("date", "date"), new Column("cases", "bigint"), new Column("ratio", "decimal(10,2)")),
                List.of("dt"), List.of(), "lake", Instant.now(), Instant.now());

        TableView view = TableView.of(table, new S3Folders(Path.of("no-such-dir")));

        assertThat(view.files()).isEmpty();
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duckDb.createStatement();
             ResultSet rows = sql.executeQuery(view.select())) {
            QueryResult result = QueryResult.read(rows);
            assertThat(result.rows()).isEmpty();
            assertThat(result.columns()).extracting(c -> c.name() + " " + c.type())
                    .containsExactly("date date", "cases bigint", "ratio decimal", "dt varchar");
        }
    }
}
