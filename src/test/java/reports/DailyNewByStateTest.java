package reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DailyNewByStateTest {

    static final List<String> COLUMNS = List.of("date", "state", "new_cases", "new_deaths", "total_cases", "total_deaths");
    static final List<String> TYPES = List.of("date", "varchar", "bigint", "bigint", "bigint", "bigint");

    @Test
    void theCountryIsTheSumOfTheStatesThatHaveAFigureThatDay() {
        DailyNewByState report = DailyNewByState.of(table(
                row("2021-02-07", "Ohio", "30", "2"),
                row("2021-02-07", "Guam", null, null),
                row("2021-02-06", "Ohio", "-5", "1"),
                row("2021-02-06", "Guam", "4", "0"),
                row("2021-02-05", "Ohio", null, null),
                row("2021-02-05", "Guam", null, null)));
        assertThat(report.lastDay()).isEqualTo("2021-02-07");
        assertThat(report.country().cases()).containsExactly(
                entry("2021-02-05", null), entry("2021-02-06", -1L), entry("2021-02-07", 30L));
        assertThat(report.country().deaths().get(LocalDate.parse("2021-02-06"))).isEqualTo(1L);
        assertThat(report.state("Guam").cases().get(LocalDate.parse("2021-02-06"))).isEqualTo(4L);
    }

    @Test
    void theLeadingStatesHaveTheMostNewCasesOfTheLastDaysTiesByName() {
        DailyNewByState report = DailyNewByState.of(table(
                row("2021-02-08", "Utah", "10", "0"), row("2021-02-08", "Iowa", "5", "0"), row("2021-02-08", "Ohio", "5", "0"),
                row("2021-02-07", "Utah", "0", "0"), row("2021-02-07", "Iowa", "5", "0"), row("2021-02-07", "Ohio", "5", "0"),
                // before the last 2 days: does not count
                row("2021-02-06", "Utah", "900", "0"), row("2021-02-06", "Iowa", "0", "0"), row("2021-02-06", "Ohio", "0", "0")));
        assertThat(report.mostNewCases(2, 2)).containsExactly("Iowa", "Ohio");
        assertThat(report.mostNewCases(5, 3)).containsExactly("Utah", "Iowa", "Ohio");
    }

    @Test
    void aChangedQueryWithoutAColumnSaysWhichIsMissing() {
        ResultTable changed = new ResultTable(List.of("date", "state", "cases"), List.of("date", "varchar", "bigint"), List.of());
        assertThatThrownBy(() -> DailyNewByState.of(changed)).hasMessage("no column new_cases among date, state, cases");
    }

    @SafeVarargs
    static ResultTable table(List<String>... rows) {
        return new ResultTable(COLUMNS, TYPES, List.of(rows));
    }

    static List<String> row(String date, String state, String newCases, String newDeaths) {
        return Arrays.asList(date, state, newCases, newDeaths, "0", "0");
    }

    private static Map.Entry<LocalDate, Long> entry(String day, Long value) {
        return new AbstractMap.SimpleEntry<>(LocalDate.parse(day), value);
    }
}
