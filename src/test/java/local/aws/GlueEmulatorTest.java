package local.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import support.TestAws;
import org.junit.jupiter.api.AfterEach;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionResponse;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerMetrics;
import software.amazon.awssdk.services.glue.model.CrawlerRunningException;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.LastCrawlStatus;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetPartitionsResponse;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.Table;

/** The Glue emulator through the AWS SDK: a crawler turns the lake's folders into a catalog table with partitions. */
class GlueEmulatorTest {

    private static final String ROW_1 = "(DATE '2023-01-01', 'Autauga', 'Alabama', '01001', 10, 1)";
    private static final String ROW_2 = "(DATE '2023-01-02', 'Autauga', 'Alabama', '01001', 12, NULL)";

    private final TestAws aws = new TestAws(Duration.ofSeconds(1));

    @AfterEach
    void stop() throws Exception {
        aws.close();
    }

    @Test
    void aCrawlRegistersTheTableItsSchemaAndItsPartitionsAndTheNextOneAddsNewPartitions() throws Exception {
        aws.glue.createDatabase(b -> b.databaseInput(d -> d.name("covid").description("NYT counties")));
        aws.glue.createCrawler(b -> b.name("lake").role("local").databaseName("covid")
                .targets(t -> t.s3Targets(s -> s.path("s3://covid-lake/lake/"))));
        aws.putParquet("lake/us_counties/dt=2023-01-01/covid.us-counties+0+0000000000.parquet", ROW_1);
        aws.putParquet("lake/us_counties/dt=2023-01-02/covid.us-counties+0+0000000001.parquet", ROW_2);
        aws.putParquet("reports/daily/not-in-the-target.parquet", ROW_1);

        aws.glue.startCrawler(b -> b.name("lake"));
        assertThat(crawler().state()).isEqualTo(CrawlerState.RUNNING);
        assertThatThrownBy(() -> aws.glue.startCrawler(b -> b.name("lake")))
                .isInstanceOf(CrawlerRunningException.class).hasMessageContaining("Crawler with name lake has already started");
        awaitReady();

        Crawler crawler = crawler();
        assertThat(crawler.lastCrawl().status()).isEqualTo(LastCrawlStatus.SUCCEEDED);
        assertThat(crawler.databaseName()).isEqualTo("covid");
        assertThat(crawler.targets().s3Targets().get(0).path()).isEqualTo("s3://covid-lake/lake/");
        Table table = aws.glue.getTable(b -> b.databaseName("covid").name("us_counties")).table();
        assertThat(table.tableType()).isEqualTo("EXTERNAL_TABLE");
        assertThat(table.parameters()).containsEntry("classification", "parquet");
        assertThat(table.partitionKeys()).extracting(Column::name, Column::type).containsExactly(
                Tuple.tuple("dt", "string"));
        assertThat(table.storageDescriptor().location()).isEqualTo("s3://covid-lake/lake/us_counties/");
        assertThat(table.storageDescriptor().columns()).extracting(c -> c.name() + " " + c.type()).containsExactly(
                "date date", "county string", "state string", "fips string", "cases bigint", "deaths bigint");
        assertThat(table.createTime()).isNotNull();
        assertThat(aws.glue.getTables(b -> b.databaseName("covid")).tableList()).extracting(Table::name)
                .containsExactly("us_counties");
        assertThat(partitionsOnePerPage()).containsExactly(
                "2023-01-01 s3://covid-lake/lake/us_counties/dt=2023-01-01/",
                "2023-01-02 s3://covid-lake/lake/us_counties/dt=2023-01-02/");
        assertThat(metrics().tablesCreated()).isEqualTo(1);

        aws.putParquet("lake/us_counties/dt=2023-01-03/covid.us-counties+0+0000000002.parquet", ROW_2);
        aws.glue.startCrawler(b -> b.name("lake"));
        awaitReady();
        assertThat(partitionsOnePerPage()).hasSize(3).last()
                .isEqualTo("2023-01-03 s3://covid-lake/lake/us_counties/dt=2023-01-03/");
        CrawlerMetrics metrics = metrics();
        assertThat(metrics.tablesCreated()).isZero();
        assertThat(metrics.tablesUpdated()).isEqualTo(1);
        assertThat(metrics.lastRuntimeSeconds()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void jsonLinesObjectsMakeAJsonTableThatAthenaReads() throws Exception {
        aws.glue.createDatabase(b -> b.databaseInput(d -> d.name("covid")));
        aws.glue.createCrawler(b -> b.name("lake").role("local").databaseName("covid").tablePrefix("raw_")
                .targets(t -> t.s3Targets(s -> s.path("s3://covid-lake/lake/"))));
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            out.write(("{\"date\":\"2023-01-01\",\"county\":\"Autauga\",\"state\":\"Alabama\",\"fips\":\"01001\",\"cases\":10,\"deaths\":1}\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        aws.s3.putObject(b -> b.bucket(TestAws.BUCKET).key("lake/US-Counties/dt=2023-01-01/covid.us-counties+0+0000000000.jsonl.gz"),
                RequestBody.fromBytes(gzip.toByteArray()));

        aws.glue.startCrawler(b -> b.name("lake"));
        awaitReady();

        Table table = aws.glue.getTable(b -> b.databaseName("covid").name("raw_us_counties")).table();
        assertThat(table.parameters()).containsEntry("classification", "json");
        // as Glue's JSON classifier types them: the date stays text
        assertThat(table.storageDescriptor().columns()).extracting(c -> c.name() + " " + c.type())
                .containsExactly("date string", "county string", "state string", "fips string", "cases bigint", "deaths bigint");
        assertThat(table.storageDescriptor().serdeInfo().serializationLibrary()).isEqualTo("org.openx.data.jsonserde.JsonSerDe");
        assertThat(aws.query("SELECT county, cases, dt FROM covid.raw_us_counties"))
                .containsExactly(List.of("county", "cases", "dt"), List.of("Autauga", "10", "2023-01-01"));
    }

    @Test
    void batchCreatePartitionRegistersNewPartitionsThatAthenaQueriesAtOnceAndReportsThoseThatExist() throws Exception {
        aws.putParquet("lake/us_counties/dt=2023-01-01/covid.us-counties+0+0000000000.parquet", ROW_1);
        aws.crawl("covid");
        aws.putParquet("lake/us_counties/dt=2023-01-02/covid.us-counties+0+0000000001.parquet", ROW_2);
        assertThat(aws.query("SELECT count(*) FROM covid.us_counties WHERE dt = '2023-01-02'")).last().isEqualTo(List.of("0"));

        BatchCreatePartitionResponse created = aws.glue.batchCreatePartition(b -> b.databaseName("covid")
                .tableName("us_counties").partitionInputList(partition("2023-01-02")));

        assertThat(created.errors()).isEmpty();
        assertThat(partitionsOnePerPage()).containsExactly(
                "2023-01-01 s3://covid-lake/lake/us_counties/dt=2023-01-01/",
                "2023-01-02 s3://covid-lake/lake/us_counties/dt=2023-01-02/");
        assertThat(aws.query("SELECT county, cases, dt FROM covid.us_counties WHERE dt = '2023-01-02'"))
                .containsExactly(List.of("county", "cases", "dt"), List.of("Autauga", "12", "2023-01-02"));

        // one new, one crawled, one registered above: only the new one is created
        BatchCreatePartitionResponse again = aws.glue.batchCreatePartition(b -> b.databaseName("covid")
                .tableName("us_counties").partitionInputList(partition("2023-01-03"), partition("2023-01-01"), partition("2023-01-02")));
        assertThat(again.errors()).extracting(e -> e.partitionValues().get(0), e -> e.errorDetail().errorCode())
                .containsExactly(Tuple.tuple("2023-01-01", "AlreadyExistsException"), Tuple.tuple("2023-01-02", "AlreadyExistsException"));
        assertThat(partitionsOnePerPage()).hasSize(3);

        // a crawl afterwards finds the same partitions: nothing changes
        aws.glue.startCrawler(b -> b.name("covid-crawler"));
        TestAws.await("the crawler is READY", Duration.ofSeconds(30),
                () -> aws.glue.getCrawler(b -> b.name("covid-crawler")).crawler().state() == CrawlerState.READY);
        assertThat(partitionsOnePerPage()).hasSize(3);
    }

    @Test
    void batchCreatePartitionOfAMissingTableOrWithBadPartitionsIsRefused() throws Exception {
        aws.putParquet("lake/us_counties/dt=2023-01-01/covid.us-counties+0+0000000000.parquet", ROW_1);
        aws.crawl("covid");
        assertThatThrownBy(() -> aws.glue.batchCreatePartition(b -> b.databaseName("covid").tableName("nope")
                .partitionInputList(partition("2023-01-02"))))
                .isInstanceOf(EntityNotFoundException.class).hasMessageContaining("Table nope not found.");
        assertThatThrownBy(() -> aws.glue.batchCreatePartition(b -> b.databaseName("nope").tableName("us_counties")
                .partitionInputList(partition("2023-01-02"))))
                .isInstanceOf(EntityNotFoundException.class).hasMessageContaining("Database nope not found.");
        List<PartitionInput> tooMany = new ArrayList<>();
        LocalDate first = LocalDate.of(2023, 2, 1);
        for (int day = 0; day < 101; day++) {
            tooMany.add(partition(first.plusDays(day).toString()));
        }
        assertThatThrownBy(() -> aws.glue.batchCreatePartition(b -> b.databaseName("covid").tableName("us_counties")
                .partitionInputList(tooMany)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("less than or equal to 100");
        assertThatThrownBy(() -> aws.glue.batchCreatePartition(b -> b.databaseName("covid").tableName("us_counties")
                .partitionInputList(p -> p.values("2023-01-02", "extra")
                        .storageDescriptor(s -> s.location("s3://covid-lake/lake/us_counties/dt=2023-01-02/")))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("number of partition keys");
        assertThatThrownBy(() -> aws.glue.batchCreatePartition(b -> b.databaseName("covid").tableName("us_counties")
                .partitionInputList(p -> p.values("2023-01-02").storageDescriptor(s -> s.location("s3://../../etc/")))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("outside the local S3 data dir");
        // the 100 allowed at once are
        assertThat(aws.glue.batchCreatePartition(b -> b.databaseName("covid").tableName("us_counties")
                .partitionInputList(tooMany.subList(0, 100))).errors()).isEmpty();
        assertThat(aws.glue.getPartitions(b -> b.databaseName("covid").tableName("us_counties")).partitions()).hasSize(101);
    }

    /** A dt= partition of the lake table as the pipeline registers it. */
    private static PartitionInput partition(String date) {
        return PartitionInput.builder().values(date)
                .storageDescriptor(s -> s.location("s3://covid-lake/lake/us_counties/dt=" + date + "/")).build();
    }

    @Test
    void aCrawlOfAMissingFolderSucceedsWithNoTables() throws Exception {
        aws.glue.createDatabase(b -> b.databaseInput(d -> d.name("covid")));
        aws.glue.createCrawler(b -> b.name("lake").role("local").databaseName("covid")
                .targets(t -> t.s3Targets(s -> s.path("s3://covid-lake/nothing-here/"))));

        aws.glue.startCrawler(b -> b.name("lake"));
        awaitReady();

        assertThat(crawler().lastCrawl().status()).isEqualTo(LastCrawlStatus.SUCCEEDED);
        assertThat(aws.glue.getTables(b -> b.databaseName("covid")).tableList()).isEmpty();
        assertThat(metrics().tablesCreated()).isZero();
    }

    @Test
    void aCrawlIntoAMissingDatabaseFails() throws Exception {
        aws.glue.createCrawler(b -> b.name("lake").role("local").databaseName("covid")
                .targets(t -> t.s3Targets(s -> s.path("s3://covid-lake/lake/"))));
        aws.putParquet("lake/us_counties/dt=2023-01-01/a.parquet", ROW_1);

        aws.glue.startCrawler(b -> b.name("lake"));
        awaitReady();

        assertThat(crawler().lastCrawl().status()).isEqualTo(LastCrawlStatus.FAILED);
        assertThat(crawler().lastCrawl().errorMessage()).isEqualTo("Database covid not found.");
    }

    @Test
    void missingAndDuplicateNamesAreTheModelledErrors() {
        assertThat(aws.glue.getDatabases(b -> { }).databaseList()).extracting(Database::name).contains("default");
        assertThatThrownBy(() -> aws.glue.getDatabase(b -> b.name("covid")))
                .isInstanceOf(EntityNotFoundException.class).hasMessageContaining("Database covid not found.");
        aws.glue.createDatabase(b -> b.databaseInput(d -> d.name("covid")));
        assertThat(aws.glue.getDatabase(b -> b.name("covid")).database().name()).isEqualTo("covid");
        assertThatThrownBy(() -> aws.glue.createDatabase(b -> b.databaseInput(d -> d.name("covid"))))
                .isInstanceOf(AlreadyExistsException.class);
        assertThatThrownBy(() -> aws.glue.getTable(b -> b.databaseName("covid").name("nope")))
                .isInstanceOf(EntityNotFoundException.class);
        assertThatThrownBy(() -> aws.glue.startCrawler(b -> b.name("nope")))
                .isInstanceOf(EntityNotFoundException.class);
        aws.glue.createCrawler(b -> b.name("lake").role("local").databaseName("covid")
                .targets(t -> t.s3Targets(s -> s.path("s3://covid-lake/lake/"))));
        assertThatThrownBy(() -> aws.glue.createCrawler(b -> b.name("lake").role("local").databaseName("covid")
                .targets(t -> t.s3Targets(s -> s.path("s3://covid-lake/lake/")))))
                .isInstanceOf(AlreadyExistsException.class);
        assertThatThrownBy(() -> aws.glue.deleteTable(b -> b.databaseName("covid").name("x")))
                .isInstanceOfSatisfying(GlueException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException"));
    }

    private Crawler crawler() {
        return aws.glue.getCrawler(b -> b.name("lake")).crawler();
    }

    private CrawlerMetrics metrics() {
        return aws.glue.getCrawlerMetrics(b -> b.crawlerNameList("lake")).crawlerMetricsList().get(0);
    }

    private void awaitReady() throws InterruptedException {
        TestAws.await("the crawler is READY", Duration.ofSeconds(30), () -> crawler().state() == CrawlerState.READY);
    }

    private List<String> partitionsOnePerPage() {
        List<String> partitions = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            GetPartitionsResponse page = aws.glue.getPartitions(b -> b.databaseName("covid").tableName("us_counties")
                    .maxResults(1).nextToken(next));
            assertThat(page.partitions()).hasSize(1);
            for (Partition p : page.partitions()) {
                partitions.add(String.join("/", p.values()) + " " + p.storageDescriptor().location());
            }
            token = page.nextToken();
        } while (token != null);
        return partitions;
    }
}
