package reports;

import static org.assertj.core.api.Assertions.assertThat;
import static reports.DailyNewByStateTest.row;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class ReportPageTest {

    private static final Instant RAN_AT = Instant.parse("2026-12-02T03:31:17Z");
    private static final LocalDate FIRST = LocalDate.parse("2021-02-05");

    @Test
    void aRunOfAllFourReportsDrawsEverySectionWithNothingToFetch() throws Exception {
        ReportRun run = new ReportRun(RAN_AT);
        run.succeeded(ReportPage.DAILY_NEW, dailyNew(10, "Ohio", "Utah", "Iowa"));
        run.succeeded(ReportPage.TOP_COUNTIES, new ResultTable(List.of("state", "county", "new_cases_7d", "new_deaths_7d"),
                List.of("varchar", "varchar", "bigint", "bigint"),
                List.of(List.of("Maryland", "Prince George's", "1200", "9"), List.of("<b>Ohio</b>", "Franklin", "800", "3"))));
        run.succeeded(ReportPage.CASE_FATALITY, new ResultTable(List.of("state", "date", "cases", "deaths", "case_fatality_pct"),
                List.of("varchar", "date", "bigint", "bigint", "double"),
                List.of(List.of("Ohio", "2021-02-14", "1000", "21", "2.1"), Arrays.asList("Guam", "2021-02-14", "0", "0", null))));
        run.succeeded(ReportPage.DATA_QUALITY, new ResultTable(List.of("date", "row_count", "rows_without_fips"),
                List.of("date", "bigint", "bigint"),
                List.of(List.of("2021-02-15", "1200", "3"), List.of("2021-02-14", "3250", "35"))));

        String html = new ReportPage(2, 90).html(run);
        Element page = Markup.parse(html);

        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script", "https:", "src=", "href=", "@import", "url(");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http:");
        assertThat(html).contains("@media (prefers-color-scheme: dark)");
        assertThat(Markup.texts(page, "//p[@class='meta']")).singleElement().asString()
                .contains("Data through 14 February 2021, the latest complete day; rows of 15 February 2021 are still arriving.")
                .contains("Reports ran 2 December 2026, 03:31 UTC.");
        assertThat(Markup.all(page, "//ul[@class='notes']")).isEmpty();
        assertThat(Markup.all(page, "//svg")).extracting(svg -> svg.getAttribute("data-chart")).containsExactly(
                "country-cases", "country-deaths", "state-1-cases", "state-1-deaths", "state-2-cases", "state-2-deaths",
                "counties", "fatality");
        assertThat(Markup.texts(page, "//article[@class='state']/h3")).containsExactly("1. Iowa", "2. Utah");
        // each chart's figures are a table with headers for its rows and columns
        for (Element svg : Markup.all(page, "//svg")) {
            Element figure = (Element) svg.getParentNode();
            assertThat(Markup.all(figure, "details/table/caption")).as(svg.getAttribute("data-chart")).hasSize(1);
            assertThat(Markup.all(figure, "details/table/thead/tr/th[@scope='col']")).hasSizeGreaterThanOrEqualTo(2);
            assertThat(Markup.all(figure, "details/table/tbody/tr/th[@scope='row']")).isNotEmpty();
        }
        assertThat(Markup.texts(page, "//figure[svg/@data-chart='counties']//tbody/tr/th"))
                .containsExactly("Prince George's, Maryland", "Franklin, <b>Ohio</b>");
        assertThat(Markup.all(page, "//b")).isEmpty();
        assertThat(Markup.texts(page, "//figure[svg/@data-chart='fatality']//tbody/tr/td[3]")).containsExactly("2.1 %", "no cases");
        assertThat(Markup.all(page, "//svg[@data-chart='fatality']//rect[@data-value]")).hasSize(1);
        assertThat(Markup.texts(page, "//section[@id='quality']//tbody/tr/th")).containsExactly("2021-02-15", "2021-02-14");
        assertThat(Markup.texts(page, "//footer/p")).first().asString()
                .isEqualTo("Drawn from this run's results: daily_new_by_state (30 rows), top_counties_last_7_days (2 rows),"
                        + " case_fatality_by_state (2 rows), data_quality (2 rows).");
    }

    @Test
    void aFailedAMissingAndAChangedReportLeaveTheirSectionsOutWithANote() throws Exception {
        ReportRun run = new ReportRun(RAN_AT);
        run.failed(ReportPage.DAILY_NEW);
        run.succeeded(ReportPage.CASE_FATALITY, new ResultTable(List.of("state", "pct"), List.of("varchar", "double"),
                List.of(List.of("Ohio", "2.1"))));
        run.succeeded(ReportPage.DATA_QUALITY, new ResultTable(List.of("date", "row_count"), List.of("date", "bigint"),
                List.of(List.of("2021-02-15", "1200"))));

        Element page = Markup.parse(new ReportPage(10, 90).html(run));

        assertThat(Markup.texts(page, "//ul[@class='notes']/li")).containsExactly(
                "The report daily_new_by_state failed in this run (its reason is in the log), so its section is left out.",
                "The report top_counties_last_7_days did not run (it is not among reports.queries), so its section is left out.",
                "The report case_fatality_by_state returned what this page cannot draw (no column date among state, pct),"
                        + " so its section is left out.");
        assertThat(Markup.all(page, "//svg")).isEmpty();
        assertThat(Markup.all(page, "//section")).extracting(s -> s.getAttribute("id")).containsExactly("quality");
        assertThat(Markup.texts(page, "//p[@class='meta']")).singleElement().asString()
                .startsWith("The newest rows are of 15 February 2021.");
    }

    @Test
    void theDailyChartsShowTheLastDaysAskedForAveragedOverTheDaysBefore() throws Exception {
        ReportRun run = new ReportRun(RAN_AT);
        run.succeeded(ReportPage.DAILY_NEW, dailyNew(10, "Ohio"));

        Element page = Markup.parse(new ReportPage(1, 3).html(run));

        assertThat(Markup.all(page, "//svg[@data-chart='country-cases']//rect[@data-value]"))
                .extracting(r -> r.getAttribute("data-key")).containsExactly("2021-02-12", "2021-02-13", "2021-02-14");
        // Ohio's new cases are the day of the month: the mean of the 7 days to the 12th is 9
        assertThat(Markup.all(page, "//svg[@data-chart='country-cases']//circle"))
                .extracting(c -> c.getAttribute("data-key") + "=" + c.getAttribute("data-value"))
                .containsExactly("2021-02-12=9.00", "2021-02-13=10.00", "2021-02-14=11.00");
    }

    /** {@code days} days of the states, newest first as the report has them; new cases are the day of the month times the state's rank. */
    private static ResultTable dailyNew(int days, String... states) {
        List<List<String>> rows = new ArrayList<>();
        for (int day = days - 1; day >= 0; day--) {
            LocalDate date = FIRST.plusDays(day);
            for (int s = 0; s < states.length; s++) {
                String cases = day == 0 ? null : Long.toString((long) date.getDayOfMonth() * (s + 1));
                rows.add(row(date.toString(), states[s], cases, day == 0 ? null : "1"));
            }
        }
        return DailyNewByStateTest.table(rows.toArray(List[]::new));
    }
}
