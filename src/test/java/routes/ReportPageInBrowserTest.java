package routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import covid.CountyRow;
import reports.ReportRun;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import local.LoopbackPorts;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.junit.jupiter.api.Test;
import support.HeadlessChromium;
import support.PipelineContext;
import support.ReportCsv;
import support.SampleCsv;
import support.SampleReports;
import support.TestAws;

/**
 * The report page of a real run of the shipped reports over the 2021 month, opened in headless Chromium as a file
 * (as from the bucket) and over HTTP from the route that serves it: no error of any kind, and every chart draws the
 * figures of the reports' CSVs, which this test computes again on its own.
 */
class ReportPageInBrowserTest {

    /** Every chart's title, axis labels, table size and marks, as the browser laid them out. */
    private static final String CHARTS = """
            Array.from(document.querySelectorAll('svg[data-chart]')).map(svg => ({
              chart: svg.dataset.chart,
              title: svg.querySelector('title').textContent,
              axisLabels: Array.from(svg.querySelectorAll('text.axis-label')).map(t => t.textContent.trim()),
              tableRows: svg.closest('figure').querySelectorAll('table tbody tr').length,
              lineVertices: (svg.querySelector('path.average')?.getAttribute('d') || '').split(/[ML]/).filter(s => s.trim()).length,
              marks: Array.from(svg.querySelectorAll('[data-value]')).map(m => {
                const box = m.getBoundingClientRect();
                return {kind: m.tagName, key: m.dataset.key, value: Number(m.dataset.value), area: box.width * box.height};
              })
            }))""";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyChartDrawsTheFiguresOfTheReportsAndThePageHasNoError() throws Exception {
        List<CountyRow> rows = SampleCsv.rows(SampleCsv.MONTH_2021);
        int port = LoopbackPorts.free();
        String served = "http://127.0.0.1:" + port + "/reports/";
        try (TestAws aws = new TestAws(Duration.ZERO)) {
            aws.putLake(rows);
            aws.crawl("covid");
            Map<String, String> properties = aws.properties("pipeline.routes", "reports", "reports.schedule", "1h",
                    "athena.database", "covid", "athena.poll-interval", "100ms",
                    "camel.management.enabled", "true", "camel.management.host", "127.0.0.1",
                    "camel.management.port", Integer.toString(port));
            try (PipelineContext pipeline = new PipelineContext(properties, context -> {
                     // what Camel Main starts from camel.management.*: the server the process serves the page on
                     ManagementHttpServer server = new ManagementHttpServer();
                     server.setCamelContext(context);
                     server.setHost("127.0.0.1");
                     server.setPort(port);
                     server.setPath("/");
                     context.addService(server);
                 }, new ReportRoute());
                 HeadlessChromium chromium = new HeadlessChromium()) {
                assertThat(get(served).statusCode()).as("before the first run").isEqualTo(404);

                Exchange done = pipeline.template.send("direct:reports", e -> { });
                assertThat(done.getVariable("run", ReportRun.class)).hasToString("Reports: 4 of 4 succeeded");

                String page = aws.object("reports/index.html");
                HttpResponse<String> response = get(served);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
                assertThat(response.body()).isEqualTo(page);
                Path file = Path.of("target", "report-page", "index.html").toAbsolutePath();
                Files.createDirectories(file.getParent());
                Files.writeString(file, page);

                Map<String, Map<String, Double>> expected = expectedMarks(aws, rows);
                for (String url : List.of(file.toUri().toString(), served)) {
                    chromium.open(url);
                    assertThat(chromium.errors()).as("errors opening " + url).isEmpty();
                    assertThat(chromium.evaluate("document.scripts.length + performance.getEntriesByType('resource').length").asInt())
                            .as("scripts and fetched resources").isZero();
                    assertChartsDraw(chromium.evaluate(CHARTS), expected);
                    List<Map<String, String>> quality = ReportCsv.parse(aws.object("reports/data_quality/latest.csv"));
                    assertThat(chromium.evaluate("document.querySelectorAll('#quality tbody tr').length").asInt()).isEqualTo(quality.size());
                    assertThat(chromium.evaluate("document.querySelector('.meta time').getAttribute('datetime')").asText())
                            .as("the data ends").isEqualTo("2021-03-06");
                }
                chromium.screenshot(Path.of("target", "report-page.png"), 1200);
                String lightPage = chromium.evaluate("getComputedStyle(document.body).backgroundColor").asText();
                chromium.prefersDark(true);
                assertThat(brightness(chromium.evaluate("getComputedStyle(document.body).backgroundColor").asText()))
                        .as("dark mode's page").isLessThan(brightness(chromium.evaluate("getComputedStyle(document.body).color").asText()))
                        .isLessThan(brightness(lightPage));
                chromium.screenshot(Path.of("target", "report-page-dark.png"), 1200);
                assertThat(chromium.errors()).isEmpty();
            }
        }
    }

    /** The marks each chart must have (chart id and mark kind, then key to value), from the reports' CSVs. */
    private static Map<String, Map<String, Double>> expectedMarks(TestAws aws, List<CountyRow> rows) {
        Map<String, Map<String, Double>> marks = new HashMap<>();
        List<Map<String, String>> daily = ReportCsv.parse(aws.object("reports/daily_new_by_state/latest.csv"));
        LocalDate last = daily.stream().map(r -> LocalDate.parse(r.get("date"))).max(Comparator.naturalOrder()).orElseThrow();
        Map<String, Long> lastWeek = daily.stream()
                .filter(r -> LocalDate.parse(r.get("date")).isAfter(last.minusDays(7)) && !r.get("new_cases").isEmpty())
                .collect(Collectors.groupingBy(r -> r.get("state"), Collectors.summingLong(r -> Long.parseLong(r.get("new_cases")))));
        List<String> leading = lastWeek.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(10).map(Map.Entry::getKey).toList();
        for (String column : List.of("cases", "deaths")) {
            dailyMarks(marks, "country-" + column, daily, "new_" + column);
            for (int i = 0; i < leading.size(); i++) {
                String state = leading.get(i);
                dailyMarks(marks, "state-" + (i + 1) + "-" + column,
                        daily.stream().filter(r -> r.get("state").equals(state)).toList(), "new_" + column);
            }
        }
        List<Map<String, String>> counties = ReportCsv.parse(aws.object("reports/top_counties_last_7_days/latest.csv"));
        assertThat(counties.stream().map(r -> List.of(r.get("state"), r.get("county"), r.get("new_cases_7d"))).toList())
                .isEqualTo(SampleReports.topCountiesLast7Days(rows));
        marks.put("counties rect", counties.stream().collect(Collectors.toMap(r -> r.get("county") + ", " + r.get("state"),
                r -> Double.parseDouble(r.get("new_cases_7d")))));
        marks.put("fatality rect", ReportCsv.parse(aws.object("reports/case_fatality_by_state/latest.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("state"), r -> Double.parseDouble(r.get("case_fatality_pct")))));
        return marks;
    }

    /** The columns: each day's sum of the rows' new counts (a day with none has no column); the line: 7-day means. */
    private static void dailyMarks(Map<String, Map<String, Double>> marks, String chart, List<Map<String, String>> rows, String column) {
        TreeMap<LocalDate, Double> perDay = rows.stream().filter(r -> !r.get(column).isEmpty())
                .collect(Collectors.groupingBy(r -> LocalDate.parse(r.get("date")), TreeMap::new,
                        Collectors.summingDouble(r -> Double.parseDouble(r.get(column)))));
        Map<String, Double> means = new TreeMap<>();
        perDay.keySet().forEach(day -> {
            List<Double> week = day.minusDays(6).datesUntil(day.plusDays(1)).map(perDay::get).filter(Objects::nonNull).toList();
            if (week.size() == 7) {
                means.put(day.toString(), week.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
            }
        });
        marks.put(chart + " rect", perDay.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue)));
        marks.put(chart + " circle", means);
    }

    private static void assertChartsDraw(JsonNode charts, Map<String, Map<String, Double>> expected) {
        Map<String, Map<String, Double>> drawn = new HashMap<>();
        for (JsonNode chart : charts) {
            String id = chart.path("chart").asText();
            assertThat(chart.path("title").asText()).as(id + " title").isNotBlank();
            assertThat(chart.path("axisLabels")).as(id + " axis labels").hasSize(2).allMatch(label -> !label.asText().isBlank());
            assertThat(chart.path("tableRows").asInt()).as(id + " table of figures").isPositive();
            for (JsonNode mark : chart.path("marks")) {
                String kind = id + " " + mark.path("kind").asText().toLowerCase();
                double value = mark.path("value").asDouble();
                assertThat(mark.path("area").asDouble() > 0 || value == 0).as(kind + " " + mark.path("key") + " is drawn").isTrue();
                drawn.computeIfAbsent(kind, k -> new HashMap<>()).put(mark.path("key").asText(), value);
            }
            if (drawn.containsKey(id + " circle")) {
                assertThat(chart.path("lineVertices").asInt()).as(id + " line").isEqualTo(drawn.get(id + " circle").size());
            }
        }
        assertThat(drawn.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet().stream()
                .filter(kind -> !expected.get(kind).isEmpty()).toList());
        drawn.forEach((kind, values) -> {
            assertThat(values.keySet()).as(kind).containsExactlyInAnyOrderElementsOf(expected.get(kind).keySet());
            values.forEach((key, value) -> assertThat(value).as(kind + " " + key).isCloseTo(expected.get(kind).get(key), within(0.006)));
        });
    }

    /** The sum of a CSS colour's red, green and blue. */
    private static int brightness(String rgb) {
        return List.of(rgb.replaceAll("[^0-9,]", "").split(",")).subList(0, 3).stream().mapToInt(Integer::parseInt).sum();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
