package lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import covid.CountyJson;
import covid.CountyRow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.LakeFiles;

class RecordFormatTest {

    static final List<CountyRow> ROWS = List.of(
            new CountyRow(0, LocalDate.of(2023, 1, 1), "Autauga", "Alabama", "01001", 18961, 230L),
            new CountyRow(0, LocalDate.of(2023, 1, 1), "Doña Ana", "New Mexico", "35013", 70000, 700L),
            new CountyRow(0, LocalDate.of(2023, 1, 1), "Adjuntas", "Puerto Rico", "72001", 5000, null),
            new CountyRow(0, LocalDate.of(2023, 1, 1), "Unknown", "Alaska", null, 12, 0L));

    @TempDir
    Path dir;

    @Test
    void parquetHoldsTheRowsWithTypesAndNulls() throws Exception {
        Path file = dir.resolve("rows.parquet");
        try (RecordFormat format = RecordFormat.named("parquet")) {
            assertThat(format.extension()).isEqualTo("parquet");
            Files.write(file, format.encode(ROWS));
            // a second object from the same writer holds only its own rows
            Files.write(dir.resolve("more.parquet"), format.encode(ROWS.subList(0, 1)));
        }
        assertThat(LakeFiles.readParquet(file)).containsExactlyElementsOf(ROWS);
        assertThat(LakeFiles.readParquet(dir.resolve("more.parquet"))).containsExactly(ROWS.get(0));
        assertThat(LakeFiles.parquetSchema(file)).containsExactly(
                "date DATE", "county VARCHAR", "state VARCHAR", "fips VARCHAR", "cases BIGINT", "deaths BIGINT");
    }

    @Test
    void aLargeParquetObjectSpansPagesWithNullsAcrossTheirBoundaries() throws Exception {
        // 25,001 rows: three pages; fips and deaths null from the first row, and in runs across both page
        // boundaries (rows 9,500-10,499 and 19,500-20,499), so that a page starts and ends inside a run of nulls
        List<CountyRow> rows = new ArrayList<>();
        for (int i = 0; i < 25_001; i++) {
            boolean gap = i % 10_000 >= 9_500 || i % 10_000 < 500;
            rows.add(new CountyRow(0, LocalDate.of(2021, 3, 1).plusDays(i % 3), "County " + i, "State " + i % 50,
                    gap ? null : String.format("%05d", i), i * 3L, i % 2 == 0 || gap ? null : (long) i));
        }
        Path file = dir.resolve("large.parquet");
        try (RecordFormat format = RecordFormat.named("parquet")) {
            Files.write(file, format.encode(rows));
        }
        assertThat(LakeFiles.readParquet(file)).containsExactlyElementsOf(rows);
        assertThat(LakeFiles.parquetLayout(file)).isEqualTo("1 row group(s), 6 column(s), ZSTD");
    }

    @Test
    void jsonLinesGzipHoldsOneObjectPerLine() throws IOException {
        byte[] bytes;
        try (RecordFormat format = RecordFormat.named("jsonl.gz")) {
            assertThat(format.extension()).isEqualTo("jsonl.gz");
            bytes = format.encode(ROWS);
        }
        String text = new String(new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes(), StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.stream().map(CountyJson::decode).toList()).containsExactlyElementsOf(ROWS);
    }

    @Test
    void anUnknownFormatNamesTheProperty() {
        assertThatThrownBy(() -> RecordFormat.named("csv")).hasMessage("lake.format must be parquet or jsonl.gz, was 'csv'");
    }
}
