package local.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import aws.AwsClients;
import local.LoopbackPorts;
import support.TestAws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerMetrics;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.LastCrawlStatus;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * The Glue catalog on disk: an emulator started on the state dir of one that stopped has its databases, tables,
 * partitions and crawlers. Stopping an emulator writes nothing, so the next one reads what a kill -9 would leave.
 */
class GlueCatalogFileTest {

    private static final String ROW_1 = "(DATE '2023-01-01', 'Autauga', 'Alabama', '01001', 10, 1)";
    private static final String ROW_2 = "(DATE '2023-01-02', 'Autauga', 'Alabama', '01001', 12, NULL)";

    /** For its S3 server, which holds the lake; the emulators here are this test's own. */
    private final TestAws aws = new TestAws(Duration.ZERO);
    @TempDir
    Path state;
    private AwsEmulator emulator;
    private GlueClient glue;

    @AfterEach
    void stop() throws Exception {
        if (emulator != null) {
            glue.close();
            emulator.close();
        }
        aws.close();
    }

    @Test
    void aRestartedEmulatorHasTheDatabasesTablesPartitionsAndCrawlersOfTheOneBefore() throws Exception {
        start(Duration.ZERO);
        glue.createDatabase(b -> b.databaseInput(d -> d.name("covid").description("NYT counties")));
        glue.createCrawler(b -> b.name("lake").role("local").databaseName("covid").tablePrefix("nyt_")
                .targets(t -> t.s3Targets(s -> s.path("s3://covid-lake/lake/"))));
        aws.putParquet("lake/us_counties/dt=2023-01-01/a.parquet", ROW_1);
        aws.putParquet("lake/us_counties/dt=2023-01-02/b.parquet", ROW_2);
        crawl();
        // registered by a BatchCreatePartition, not by the crawl: kept the same
        glue.batchCreatePartition(b -> b.databaseName("covid").tableName("nyt_us_counties").partitionInputList(
                p -> p.values("2023-01-04").storageDescriptor(s -> s.location("s3://covid-lake/lake/us_counties/dt=2023-01-04/"))));
        Database database = glue.getDatabase(b -> b.name("covid")).database();
        Crawler crawler = crawler();
        List<Table> tables = tables();
        List<Partition> partitions = partitions();
        CrawlerMetrics metrics = metrics();

        restart(Duration.ZERO);

        assertThat(glue.getDatabase(b -> b.name("covid")).database()).isEqualTo(database);
        assertThat(crawler().state()).isEqualTo(CrawlerState.READY);
        assertThat(crawler().lastCrawl().status()).isEqualTo(LastCrawlStatus.SUCCEEDED);
        assertThat(crawler()).isEqualTo(crawler);
        assertThat(metrics()).isEqualTo(metrics);
        assertThat(tables()).isEqualTo(tables).extracting(Table::name).containsExactly("nyt_us_counties");
        assertThat(partitions()).isEqualTo(partitions).extracting(Partition::values)
                .containsExactly(List.of("2023-01-01"), List.of("2023-01-02"), List.of("2023-01-04"));
        assertThat(state.toFile().list()).containsExactly("glue-catalog.json");

        aws.putParquet("lake/us_counties/dt=2023-01-03/c.parquet", ROW_2);
        crawl();
        assertThat(partitions()).hasSize(4).contains(partitions.toArray(Partition[]::new));
        assertThat(metrics().tablesUpdated()).isEqualTo(1);
    }

    @Test
    void aCrawlerStoppedMidCrawlComesBackReadyWithItsLastFinishedCrawl() throws Exception {
        start(Duration.ZERO);
        glue.createDatabase(b -> b.databaseInput(d -> d.name("covid")));
        glue.createCrawler(b -> b.name("lake").role("local").databaseName("covid")
                .targets(t -> t.s3Targets(s -> s.path("s3://covid-lake/lake/"))));
        aws.putParquet("lake/us_counties/dt=2023-01-01/a.parquet", ROW_1);
        crawl();
        Crawler finished = crawler();
        restart(Duration.ofMinutes(10));
        aws.putParquet("lake/us_counties/dt=2023-01-02/b.parquet", ROW_2);
        glue.startCrawler(b -> b.name("lake"));
        TestAws.await("the crawl registers the new partition", Duration.ofSeconds(30), () -> partitions().size() == 2);
        assertThat(crawler().state()).isEqualTo(CrawlerState.RUNNING);

        restart(Duration.ZERO);

        Crawler crawler = crawler();
        assertThat(crawler.state()).isEqualTo(CrawlerState.READY);
        assertThat(crawler.lastCrawl()).isEqualTo(finished.lastCrawl());
        assertThat(metrics().tablesCreated()).isEqualTo(1);
        // as in Glue, what a crawl wrote before it stopped stays in the catalog
        assertThat(partitions()).hasSize(2);
        crawl();
        assertThat(crawler().lastCrawl().startTime()).isAfter(finished.lastCrawl().startTime());
    }

    @Test
    void anUnreadableCatalogFileStopsTheStartWithOneLineNamingIt() throws Exception {
        Path file = state.resolve("glue-catalog.json");
        for (String content : List.of("{\"databases\": [", "{}", "{\"databases\": {}, \"crawlers\": []}",
                "{\"databases\": [{\"name\": \"covid\", \"description\": \"\", \"createTime\": \"yesterday\", \"tables\": []}],"
                        + " \"crawlers\": []}")) {
            Files.writeString(file, content);

            assertThatThrownBy(() -> AwsEmulator.start(LoopbackPorts.free(), aws.s3Root, aws.s3, Duration.ZERO, state,
                    TestAws.ACCESS_KEY, TestAws.SECRET_KEY))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("cannot read the Glue catalog file " + file + " (repair or delete it): ")
                    .hasMessageNotContaining("\n")
                    .hasNoCause();
            assertThat(file).hasContent(content);
        }
    }

    private void start(Duration crawlTime) {
        emulator = AwsEmulator.start(LoopbackPorts.free(), aws.s3Root, aws.s3, crawlTime, state, TestAws.ACCESS_KEY,
                TestAws.SECRET_KEY);
        glue = AwsClients.glue(emulator.url(), "us-east-1", TestAws.ACCESS_KEY, TestAws.SECRET_KEY);
    }

    private void restart(Duration crawlTime) {
        glue.close();
        emulator.close();
        start(crawlTime);
    }

    private void crawl() throws InterruptedException {
        glue.startCrawler(b -> b.name("lake"));
        TestAws.await("the crawler is READY", Duration.ofSeconds(30), () -> crawler().state() == CrawlerState.READY);
    }

    private Crawler crawler() {
        return glue.getCrawler(b -> b.name("lake")).crawler();
    }

    private CrawlerMetrics metrics() {
        return glue.getCrawlerMetrics(b -> b.crawlerNameList("lake")).crawlerMetricsList().get(0);
    }

    private List<Table> tables() {
        return glue.getTables(b -> b.databaseName("covid")).tableList();
    }

    private List<Partition> partitions() {
        return glue.getPartitions(b -> b.databaseName("covid").tableName(tables().get(0).name())).partitions();
    }
}
