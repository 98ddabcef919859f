package reports;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * The page a reader opens after a run of the reports: daily new cases and deaths with their 7-day averages for the
 * whole country and the states with the most new cases, the counties with the most new cases of the last 7 days,
 * case fatality by state, and the data-quality table. It is drawn from that run's results and nothing else, and is
 * one file with no script and nothing to fetch, so that it reads the same from the bucket, from a disk, or served
 * by the process. A report that failed or did not run leaves its section out and says so. The markup is also
 * well-formed XML (void elements closed), so that a test reads it with a parser rather than by searching text.
 */
public final class ReportPage {

    static final String DAILY_NEW = "daily_new_by_state";
    static final String TOP_COUNTIES = "top_counties_last_7_days";
    static final String CASE_FATALITY = "case_fatality_by_state";
    static final String DATA_QUALITY = "data_quality";

    // about the size they are shown at on a wide screen, so that their text reads at its size there
    private static final SvgChart.Size HALF = new SvgChart.Size(540, 280);
    private static final SvgChart.Size SMALL = new SvgChart.Size(360, 210);
    private static final int FULL_WIDTH = 1080;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter RAN_AT = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final int states;
    private final int days;

    /**
     * @param states how many states get charts of their own
     * @param days   how many of the data's last days the daily charts show
     */
    public ReportPage(int states, int days) {
        this.states = states;
        this.days = days;
    }

    public String html(ReportRun run) {
        List<String> notes = new ArrayList<>();
        StringBuilder sections = new StringBuilder()
                .append(section(run, DAILY_NEW, notes, this::dailyNew))
                .append(section(run, TOP_COUNTIES, notes, ReportPage::topCounties))
                .append(section(run, CASE_FATALITY, notes, ReportPage::caseFatality))
                .append(section(run, DATA_QUALITY, notes, ReportPage::dataQuality));
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light dark"/>
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/>
                <title>COVID-19 reports</title>
                <style>""").append(STYLE).append("</style>\n</head>\n<body>\n<header>\n<h1>COVID-19 in the United States</h1>\n")
                .append("<p class=\"meta\">").append(dataEnds(run)).append(" Reports ran <time datetime=\"")
                .append(run.ranAt()).append("\">").append(RAN_AT.format(run.ranAt())).append("</time>.</p>\n");
        if (!notes.isEmpty()) {
            page.append("<ul class=\"notes\">");
            notes.forEach(note -> page.append("<li>").append(Html.escape(note)).append("</li>"));
            page.append("</ul>\n");
        }
        page.append("</header>\n<main>\n").append(sections).append("</main>\n<footer>\n<p>Drawn from this run's results: ");
        List<String> results = new ArrayList<>();
        run.rowCounts().forEach((report, rows) -> results.add(Html.escape(report) + " (" + count(rows) + " rows)"));
        return page.append(results.isEmpty() ? "none" : String.join(", ", results)).append(".</p>\n")
                .append("<p>Data from The New York Times, based on reports from state and local health agencies.</p>\n")
                .append("</footer>\n</body>\n</html>\n").toString();
    }

    /** The report's section, or why it is left out. */
    private static String section(ReportRun run, String report, List<String> notes, Function<ResultTable, String> draw) {
        ResultTable result = run.result(report);
        if (result == null) {
            notes.add(run.hasFailed(report)
                    ? "The report " + report + " failed in this run (its reason is in the log), so its section is left out."
                    : "The report " + report + " did not run (it is not among reports.queries), so its section is left out.");
            return "";
        }
        try {
            return draw.apply(result);
        } catch (IllegalArgumentException | DateTimeException e) {
            // someone changed the query: say what the page could not read rather than draw it wrong
            notes.add("The report " + report + " returned what this page cannot draw (" + e.getMessage()
                    + "), so its section is left out.");
            return "";
        }
    }

    /** The country's charts and each leading state's. */
    private String dailyNew(ResultTable result) {
        DailyNewByState report = DailyNewByState.of(result);
        if (report.isEmpty()) {
            return sectionStart("daily", "Daily new cases and deaths") + "<p>The report has no rows yet.</p></section>\n";
        }
        LocalDate from = report.lastDay().minusDays(days - 1L);
        StringBuilder html = new StringBuilder(sectionStart("daily", "Daily new cases and deaths in the whole country"))
                .append("<p class=\"explain\">Columns: each day's new count, the change of the cumulative count since the"
                        + " day before (a negative one is a correction). Line: the 7-day average, from the 7th day of the"
                        + " data on.</p>\n<div class=\"pair\">")
                .append(dailyFigures("country", "in the whole country", HALF, report.country(), from))
                .append("</div></section>\n");
        List<String> leading = report.mostNewCases(states, SevenDayAverage.DAYS);
        html.append(sectionStart("states", "The " + leading.size() + " states with the most new cases in the last "
                + SevenDayAverage.DAYS + " days")).append("<div class=\"states\">\n");
        for (int i = 0; i < leading.size(); i++) {
            String state = leading.get(i);
            html.append("<article class=\"state\"><h3>").append(i + 1).append(". ").append(Html.escape(state)).append("</h3>")
                    .append(dailyFigures("state-" + (i + 1), "in " + state, SMALL, report.state(state), from))
                    .append("</article>\n");
        }
        return html.append("</div></section>\n").toString();
    }

    private static String dailyFigures(String id, String where, SvgChart.Size size, DailyNewByState.Daily daily, LocalDate from) {
        return dailyFigure(id + "-cases", "New cases " + where, "New cases per day", "cases", size, daily.cases(), from)
                + dailyFigure(id + "-deaths", "New deaths " + where, "New deaths per day", "deaths", size, daily.deaths(), from);
    }

    private static String dailyFigure(String id, String title, String axis, String series, SvgChart.Size size,
                                      SortedMap<LocalDate, Long> daily, LocalDate from) {
        // averaged over the whole series, then cut: the first charted day keeps the 6 days before it
        SortedMap<LocalDate, Double> average = SevenDayAverage.of(daily).tailMap(from);
        SortedMap<LocalDate, Long> shown = daily.tailMap(from);
        if (shown.isEmpty()) {
            return "<p>" + Html.escape(title) + ": no figures in the days charted.</p>\n";
        }
        List<List<String>> rows = new ArrayList<>();
        shown.forEach((day, value) -> {
            Double mean = average.get(day);
            rows.add(List.of(day.toString(), value == null ? "no figure" : count(value),
                    mean == null ? "not yet" : String.format(Locale.ROOT, "%,.1f", mean)));
        });
        return figure(SvgChart.daily(new SvgChart.Labels(id, title, "Date", axis), size, series, shown, average),
                table(title, List.of("Date", axis, "7-day average"), rows));
    }

    private static String topCounties(ResultTable result) {
        int state = result.column("state");
        int county = result.column("county");
        int cases = result.column("new_cases_7d");
        int deaths = result.column("new_deaths_7d");
        List<SvgChart.Bar> bars = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : result.rows()) {
            String place = row.get(county) + ", " + row.get(state);
            if (row.get(cases) != null) {
                long value = Long.parseLong(row.get(cases));
                bars.add(new SvgChart.Bar(place, value, count(value)));
            }
            rows.add(List.of(place, shown(row.get(cases)), shown(row.get(deaths))));
        }
        String title = "The " + rows.size() + " counties with the most new cases in the last 7 days";
        return sectionStart("counties", "Counties with the most new cases")
                + figure(SvgChart.bars(new SvgChart.Labels("counties", title, "New cases in the last 7 days", "County"),
                        FULL_WIDTH, "cases", bars),
                        table(title, List.of("County", "New cases in the last 7 days", "New deaths in the last 7 days"), rows))
                + "</section>\n";
    }

    private static String caseFatality(ResultTable result) {
        int state = result.column("state");
        int date = result.column("date");
        int cases = result.column("cases");
        int deaths = result.column("deaths");
        int fatality = result.column("case_fatality_pct");
        List<SvgChart.Bar> bars = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : result.rows()) {
            if (row.get(fatality) != null) {
                double value = Double.parseDouble(row.get(fatality));
                bars.add(new SvgChart.Bar(row.get(state), value, String.format(Locale.ROOT, "%.2f %%", value)));
            }
            rows.add(List.of(row.get(state), shown(row.get(cases)), shown(row.get(deaths)),
                    row.get(fatality) == null ? "no cases" : row.get(fatality) + " %"));
        }
        String day = result.rows().isEmpty() || result.rows().get(0).get(date) == null ? ""
                : " on " + DAY.format(LocalDate.parse(result.rows().get(0).get(date)));
        String title = "Deaths per 100 cases by state" + day;
        return sectionStart("fatality", "Case fatality by state")
                + "<p class=\"explain\">Deaths per 100 cases reported so far, of all of a state's rows.</p>\n"
                + figure(SvgChart.bars(new SvgChart.Labels("fatality", title, "Deaths per 100 cases (%)", "State"),
                        FULL_WIDTH, "deaths", bars),
                        table(title, List.of("State", "Cases", "Deaths", "Case fatality"), rows))
                + "</section>\n";
    }

    /** The report's own table: it is a table of figures already. */
    private static String dataQuality(ResultTable result) {
        List<String> headers = new ArrayList<>();
        for (String column : result.columns()) {
            String words = column.replace('_', ' ');
            headers.add(Character.toUpperCase(words.charAt(0)) + words.substring(1));
        }
        List<List<String>> rows = result.rows().stream().map(row -> row.stream().map(ReportPage::shown).toList()).toList();
        return sectionStart("quality", "Data quality by day")
                + "<p class=\"explain\">Rows per day in the lake, rows without a FIPS code or a death count, and counties"
                + " whose cumulative counts went down since their previous day (the NYT's corrections).</p>\n"
                + table("Data quality by day, newest first", headers, rows) + "</section>\n";
    }

    /** When the data ends: the latest complete day the reports went up to, and a newer day still arriving. */
    private static String dataEnds(ReportRun run) {
        LocalDate through = null;
        LocalDate newest = null;
        try {
            ResultTable daily = run.result(DAILY_NEW);
            if (daily != null && !daily.rows().isEmpty()) {
                through = DailyNewByState.of(daily).lastDay();
            }
            ResultTable quality = run.result(DATA_QUALITY);
            if (quality != null && !quality.rows().isEmpty()) {
                int date = quality.column("date");
                newest = quality.rows().stream().map(row -> LocalDate.parse(row.get(date))).max(LocalDate::compareTo).orElseThrow();
            }
        } catch (IllegalArgumentException | DateTimeException e) {
            // the section that cannot be drawn says why
        }
        if (through == null && newest == null) {
            return "When the data ends is unknown: the reports that say are left out.";
        }
        if (through == null) {
            return "The newest rows are of " + date(newest) + ".";
        }
        return "Data through " + date(through) + ", the latest complete day"
                + (newest != null && newest.isAfter(through) ? "; rows of " + date(newest) + " are still arriving." : ".");
    }

    private static String date(LocalDate day) {
        return "<strong><time datetime=\"" + day + "\">" + DAY.format(day) + "</time></strong>";
    }

    private static String sectionStart(String id, String title) {
        return "<section id=\"" + id + "\" aria-labelledby=\"" + id + "-heading\">\n<h2 id=\"" + id + "-heading\">"
                + Html.escape(title) + "</h2>\n";
    }

    /** A chart with its figures as a table, for screen readers and for anyone who wants the numbers. */
    private static String figure(String svg, String table) {
        return "<figure>" + svg + "<details><summary>The figures</summary>" + table + "</details></figure>\n";
    }

    /** A table whose first column names each row. */
    private static String table(String caption, List<String> headers, List<List<String>> rows) {
        StringBuilder html = new StringBuilder("<table><caption>").append(Html.escape(caption)).append("</caption><thead><tr>");
        headers.forEach(header -> html.append("<th scope=\"col\">").append(Html.escape(header)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            html.append("<tr><th scope=\"row\">").append(Html.escape(row.get(0))).append("</th>");
            row.subList(1, row.size()).forEach(cell -> html.append("<td>").append(Html.escape(cell)).append("</td>"));
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    /** A report's value as the page shows it: whole numbers grouped, NULL as a dash. */
    private static String shown(String value) {
        if (value == null) {
            return "–";
        }
        return value.matches("-?\\d+") ? count(Long.parseLong(value)) : value;
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static final String STYLE = """

            :root { color-scheme: light dark; --text: #1d1f23; --muted: #555b66; --page: #ffffff; --panel: #f4f5f7;
              --rule: #d3d7de; --gridline: #e1e4e9; --axis: #6b717c; --cases: #1f5fc4; --deaths: #b3261e; }
            @media (prefers-color-scheme: dark) {
              :root { --text: #e8eaef; --muted: #a9afba; --page: #15171b; --panel: #1e2127; --rule: #3a3f49;
                --gridline: #30343c; --axis: #8d94a0; --cases: #7eaaff; --deaths: #ff8c82; }
            }
            body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
              color: var(--text); background: var(--page); max-width: 1120px; margin: 0 auto; padding: 1.5rem; }
            h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
            h2 { font-size: 1.25rem; margin: 2.2rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid var(--rule); }
            h3 { font-size: 1rem; margin: 0 0 .25rem; }
            .meta, .explain, footer, summary { color: var(--muted); }
            .notes { background: var(--panel); border-left: 4px solid var(--deaths); padding: .5rem 1rem .5rem 2rem; }
            figure { margin: 0 0 1rem; }
            .pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 0 1.5rem; }
            .states { display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap: 1rem; }
            .state { background: var(--panel); border-radius: 6px; padding: .75rem; }
            svg.chart { display: block; width: 100%; height: auto; font-family: inherit; font-size: 12px; }
            svg .title { fill: var(--text); font-size: 14px; font-weight: 600; }
            svg .axis-label { fill: var(--text); }
            svg .tick, svg .legend, svg .label, svg .value { fill: var(--muted); }
            svg .gridline { stroke: var(--gridline); }
            svg .axis { stroke: var(--axis); }
            .cases { --series: var(--cases); }
            .deaths { --series: var(--deaths); }
            svg rect.daily, svg .daily rect { fill: var(--series); fill-opacity: .35; }
            svg path.average, svg line.average { fill: none; stroke: var(--series); stroke-width: 2; stroke-linejoin: round; }
            svg g.average circle { fill: var(--series); }
            svg .bars rect { fill: var(--series); }
            details { margin: .25rem 0 .5rem; }
            summary { cursor: pointer; }
            table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: .5rem 0; }
            caption { text-align: left; font-weight: 600; padding: .25rem 0; }
            th, td { padding: .2rem .6rem; border-bottom: 1px solid var(--rule); text-align: right; }
            th[scope="row"], thead th:first-child { text-align: left; }
            """;
}
