package reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.Row;

class ResultTableTest {

    @Test
    void theHeaderRowOfTheFirstPageIsNotDataAndEveryPageIsRead() {
        ResultTable table = ResultTable.fromPages(List.of(
                page(row("state", "new_cases"), row("Ohio", "12"), row("Utah", null)),
                page(row("Iowa", "3"))));
        assertThat(table.columns()).containsExactly("state", "new_cases");
        assertThat(table.rows()).containsExactly(Arrays.asList("Ohio", "12"), Arrays.asList("Utah", null), List.of("Iowa", "3"));
    }

    @Test
    void csvQuotesEveryValueAndLeavesNullEmpty() {
        ResultTable table = new ResultTable(List.of("county", "n"), List.of("varchar", "bigint"),
                List.of(Arrays.asList("Say \"Hi\", Ohio", "1"), Arrays.asList("Utah", null)));
        assertThat(table.toCsv()).isEqualTo("\"county\",\"n\"\n\"Say \"\"Hi\"\", Ohio\",\"1\"\n\"Utah\",\n");
    }

    @Test
    void textAlignsColumnsAndSaysHowManyRowsWereLeftOut() {
        ResultTable table = new ResultTable(List.of("state", "new_cases"), List.of("varchar", "bigint"),
                List.of(List.of("Ohio", "12"), Arrays.asList("Utah", null), List.of("Iowa", "3")));
        assertThat(table.toText(2)).isEqualTo("""
                  state  new_cases\s
                  -----  ---------\s
                  Ohio          12\s
                  Utah        NULL\s
                (3 rows, first 2 shown)""");
    }

    private static GetQueryResultsResponse page(Row... rows) {
        return GetQueryResultsResponse.builder().resultSet(r -> r
                .resultSetMetadata(m -> m.columnInfo(
                        ColumnInfo.builder().name("state").type("varchar").build(),
                        ColumnInfo.builder().name("new_cases").type("bigint").build()))
                .rows(rows)).build();
    }

    private static Row row(String... values) {
        List<Datum> data = new ArrayList<>();
        for (String value : values) {
            data.add(value == null ? Datum.builder().build() : Datum.builder().varCharValue(value).build());
        }
        return Row.builder().data(data).build();
    }
}
