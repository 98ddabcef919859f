package routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import catalog.CrawlFailedException;
import catalog.CrawlReport;
import covid.CountyRow;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import support.PipelineContext;
import support.SampleCsv;
import support.TestAws;

/** The crawler route against the Glue emulator over HTTP. */
class CrawlerRouteTest {

    private static final List<CountyRow> SAMPLE = SampleCsv.rows();

    @Test
    void theFirstDayCrawlsAtOnceThenABurstOfNewDaysStartsOneCrawlNotOnePerDay() throws Exception {
        try (TestAws aws = new TestAws(Duration.ofMillis(200));
             PipelineContext pipeline = new PipelineContext(crawler(aws), new CrawlerRoute(), crawlsTo("mock:crawled"))) {
            MockEndpoint crawled = pipeline.context.getEndpoint("mock:crawled", MockEndpoint.class);
            crawled.expectedMessageCount(1);
            aws.putLake(day(1));
            // the first folder does not wait for the quiet period: the crawl makes the table
            crawled.assertIsSatisfied(15_000);
            assertThat(partitions(aws)).isEqualTo(1);

            crawled.reset();
            crawled.expectedMessageCount(1);
            aws.putLake(day(2));
            aws.putLake(day(3));
            crawled.assertIsSatisfied(15_000);
            CrawlReport second = crawled.getReceivedExchanges().get(0).getMessage().getBody(CrawlReport.class);
            assertThat(second.changes()).containsExactly("table us_counties gained 2 partitions: 2023-01-02, 2023-01-03");
            assertThat(partitions(aws)).isEqualTo(3);
            // quiet since: no more crawls
            Thread.sleep(2_000);
            assertThat(crawled.getReceivedCounter()).isEqualTo(1);
        }
    }

    @Test
    void aCrawlAlreadyRunningIsWaitedForAndThenOursRuns() throws Exception {
        // no look for new folders during the test: the first ones would start a crawl of their own at once
        try (TestAws aws = new TestAws(Duration.ofSeconds(1));
             PipelineContext pipeline = new PipelineContext(crawler(aws, "glue.new-partition-check", "1h"), new CrawlerRoute())) {
            aws.putLake(SAMPLE);
            Instant before = Instant.now();
            aws.glue.startCrawler(r -> r.name("lake-crawler"));

            CrawlReport report = pipeline.template.requestBody("direct:crawl", null, CrawlReport.class);

            assertThat(report.waitedForRunningCrawl()).isTrue();
            assertThat(report.status()).isEqualTo("SUCCEEDED");
            var crawler = aws.glue.getCrawler(r -> r.name("lake-crawler")).crawler();
            assertThat(crawler.state()).isEqualTo(CrawlerState.READY);
            // the last crawl is ours, which started after the one already running had ended
            assertThat(crawler.lastCrawl().startTime()).isAfter(before.plusMillis(900));
        }
    }

    @Test
    void aCrawlThatOutlastsItsTimeoutFailsAndSaysSo() throws Exception {
        try (TestAws aws = new TestAws(Duration.ofSeconds(3));
             PipelineContext pipeline = new PipelineContext(crawler(aws, "glue.crawl-timeout", "1s"), new CrawlerRoute())) {
            assertThatThrownBy(() -> pipeline.template.requestBody("direct:crawl", null, CrawlReport.class))
                    .hasRootCauseInstanceOf(CrawlFailedException.class)
                    .rootCause().hasMessageContaining("lake-crawler is still RUNNING after 1 s (glue.crawl-timeout)");
        }
    }

    @Test
    void aMissingCrawlerStopsStartUpUnlessItMayBeCreated() throws Exception {
        try (TestAws aws = new TestAws(Duration.ZERO)) {
            assertThatThrownBy(() -> new PipelineContext(crawler(aws, "glue.create-if-missing", "false"), new CrawlerRoute()).close())
                    .rootCause().hasMessageStartingWith("glue.crawler-name: there is no crawler 'lake-crawler'");
            new PipelineContext(crawler(aws), new CrawlerRoute()).close();
            assertThat(aws.glue.getCrawler(r -> r.name("lake-crawler")).crawler().targets().s3Targets().get(0).path())
                    .isEqualTo("s3://covid-lake/lake/");
            assertThat(aws.glue.getDatabase(r -> r.name("lake_db")).database().name()).isEqualTo("lake_db");
        }
    }

    private static Map<String, String> crawler(TestAws aws, String... extra) {
        Map<String, String> p = aws.properties(
                "pipeline.routes", "crawler",
                "glue.crawler-name", "lake-crawler",
                "glue.database", "lake_db",
                "glue.crawler-schedule", "1h",
                "glue.poll-interval", "100ms",
                "glue.new-partition-check", "200ms",
                "glue.new-partition-quiet", "1500ms");
        p.putAll(aws.properties(extra));
        return p;
    }

    private static RouteBuilder crawlsTo(String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:crawl-completed").to(uri);
            }
        };
    }

    private static List<CountyRow> day(int day) {
        LocalDate date = LocalDate.of(2023, 1, day);
        return SAMPLE.stream().filter(r -> r.date().equals(date)).toList();
    }

    private static int partitions(TestAws aws) {
        return aws.glue.getPartitions(r -> r.databaseName("lake_db").tableName("us_counties")).partitions().size();
    }
}
