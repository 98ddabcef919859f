package trinocheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import reports.ResultTable;

class SameRowsTest {

    @Test
    void numbersAreComparedByValueWhateverTheirScaleOrFormat() {
        ResultTable trino = table(List.of("double", "decimal(10, 2)", "bigint"), row("1.0", "2.50", "7"));
        ResultTable emulator = table(List.of("double", "decimal(18,3)", "bigint"), row("1", "2.500", "7"));
        assertThat(SameRows.firstDifference(trino, emulator)).isEmpty();
    }

    @Test
    void doublesAreTheSameTo15SignificantDigitsAndNotFurther() {
        ResultTable trino = table(List.of("double", "double", "double"), row("0.30000000000000004", "1.0E20", "1.43"));
        ResultTable emulator = table(List.of("double", "double", "double"), row("0.3", "100000000000000000000", "1.44"));
        assertThat(SameRows.firstDifference(trino, emulator))
                .contains("row 1: Trino [0.30000000000000004, 1.0E20, 1.43], emulator [0.3, 100000000000000000000, 1.44]");
    }

    @Test
    void textIsComparedAsItIsEvenWhereItLooksLikeANumber() {
        ResultTable trino = table(List.of("varchar"), row("01001"));
        ResultTable emulator = table(List.of("varchar"), row("1001"));
        assertThat(SameRows.firstDifference(trino, emulator)).contains("row 1: Trino [01001], emulator [1001]");
    }

    @Test
    void nullEqualsOnlyNull() {
        ResultTable trino = table(List.of("bigint", "bigint"), row(null, "0"));
        ResultTable emulator = table(List.of("bigint", "bigint"), row(null, null));
        assertThat(SameRows.firstDifference(trino, emulator)).contains("row 1: Trino [NULL, 0], emulator [NULL, NULL]");
    }

    @Test
    void theRowsAreComparedInTheirOrderAndCount() {
        ResultTable trino = table(List.of("varchar"), row("Ohio"), row("Utah"));
        assertThat(SameRows.firstDifference(trino, table(List.of("varchar"), row("Utah"), row("Ohio"))))
                .contains("row 1: Trino [Ohio], emulator [Utah]");
        assertThat(SameRows.firstDifference(trino, table(List.of("varchar"), row("Ohio"))))
                .contains("row 2: Trino [Utah], emulator has no row (1 rows)");
    }

    @Test
    void columnNamesMustBeTheSame() {
        ResultTable trino = new ResultTable(List.of("_col0"), List.of("bigint"), List.of(row("3")));
        ResultTable emulator = new ResultTable(List.of("count_star()"), List.of("bigint"), List.of(row("3")));
        assertThat(SameRows.firstDifference(trino, emulator)).contains("columns: Trino [_col0], emulator [count_star()]");
    }

    private static ResultTable table(List<String> types, List<String>... rows) {
        List<String> columns = types.stream().map(t -> "c").toList();
        return new ResultTable(columns, types, List.of(rows));
    }

    private static List<String> row(String... values) {
        return Arrays.asList(values);
    }
}
