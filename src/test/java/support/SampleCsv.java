package support;

import static org.assertj.core.api.Assertions.assertThat;

import covid.CountyRow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The bundled sample, parsed with plain string handling (it has no quoting), independently of the pipeline. */
public final class SampleCsv {

    public static final Path FILE = Path.of("samples/us-counties-2023-first-days.csv");
    public static final int ROWS = 9764;
    /** 30 days of 2021, 97,369 rows. */
    public static final Path MONTH_2021 = Path.of("samples/nyt-us-counties-2021-02-05_2021-03-06.csv");

    private static final Comparator<CountyRow> ORDER = Comparator.comparing(CountyRow::date)
            .thenComparing(CountyRow::state).thenComparing(CountyRow::county)
            .thenComparing(CountyRow::fips, Comparator.nullsFirst(Comparator.naturalOrder()));

    private SampleCsv() {
    }

    /** The rows as the lake holds them: without their source line. */
    public static List<CountyRow> rows() {
        return rows(FILE);
    }

    /** A file of the NYT's, unquoted as they are, as the lake holds its rows. */
    public static List<CountyRow> rows(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<CountyRow> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                rows.add(new CountyRow(0, LocalDate.parse(f[0]), f[1], f[2], f[3].isEmpty() ? null : f[3],
                        Long.parseLong(f[4]), f[5].isEmpty() ? null : Long.parseLong(f[5])));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each expected row is in the lake exactly once, and nothing else is. */
    public static void assertExactlyOnce(List<CountyRow> lake, List<CountyRow> expected) {
        assertThat(lake).hasSize(expected.size());
        assertThat(lake.stream().sorted(ORDER).toList()).isEqualTo(expected.stream().sorted(ORDER).toList());
    }
}
