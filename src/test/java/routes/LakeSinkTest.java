package routes;

import static org.assertj.core.api.Assertions.assertThat;

import covid.CountyRow;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;
import support.CapturedLog;
import support.Header;
import support.LakeFiles;
import support.SampleCsv;
import support.SinkInstance;
import support.TestAws;
import support.TestKafka;
import support.TestLake;

/** The lake sink against the test broker and a real S3 API server: every row in the lake exactly once. */
class LakeSinkTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final TestLake lake = new TestLake();

    @AfterEach
    void closeLake() throws Exception {
        lake.close();
    }

    @Test
    void theSampleLandsOnceInObjectsPerPartitionAndDate() throws Exception {
        List<CountyRow> sample = SampleCsv.rows();
        lake.send(sample);
        try (SinkInstance sink = new SinkInstance(lake.sinkProperties())) {
            SampleCsv.assertExactlyOnce(lake.awaitRows(SampleCsv.ROWS, WAIT), sample);
        }
        List<Path> objects = lake.objects();
        // pre-filled topic, one flush: one object per partition and date, not one per message
        assertThat(objects).hasSizeBetween(9, 18);
        for (Path object : objects) {
            String dt = object.getParent().getFileName().toString();
            assertThat(dt).matches("dt=2023-01-0[123]");
            assertThat(object.getFileName().toString()).matches(lake.topic.replace("-", "\\-") + "\\+[0-2]\\+\\d{10}\\.parquet");
            assertThat(LakeFiles.readParquet(object)).allSatisfy(row -> assertThat("dt=" + row.date()).isEqualTo(dt));
        }
        assertThat(lake.tableFolder().resolve("dt=2023-01-01")).isDirectoryContaining(
                p -> p.getFileName().toString().equals(lake.topic + "+0+0000000000.parquet"));
    }

    @Test
    void theTimeTriggerFlushesAPartialBatchWithNoNewTraffic() throws Exception {
        List<CountyRow> ten = SampleCsv.rows().subList(0, 10);
        try (SinkInstance sink = new SinkInstance(lake.sinkProperties("lake.flush-rows", "100000"))) {
            lake.send(ten);
            SampleCsv.assertExactlyOnce(lake.awaitRows(10, Duration.ofSeconds(20)), ten);
        }
    }

    @Test
    void jsonLinesIsTheOtherFormat() throws Exception {
        List<CountyRow> sample = SampleCsv.rows();
        lake.send(sample);
        try (SinkInstance sink = new SinkInstance(lake.sinkProperties("lake.format", "jsonl.gz"))) {
            long deadline = System.currentTimeMillis() + WAIT.toMillis();
            while (lake.rows("jsonl.gz").size() < sample.size() && System.currentTimeMillis() < deadline) {
                Thread.sleep(250);
            }
        }
        SampleCsv.assertExactlyOnce(lake.rows("jsonl.gz"), sample);
        assertThat(lake.objects()).allSatisfy(p -> assertThat(p.toString()).endsWith(".jsonl.gz"));
    }

    @Test
    void aCrashBetweenUploadAndCommitLeavesEveryRowOnce() throws Exception {
        List<CountyRow> sample = SampleCsv.rows();
        lake.send(sample);
        CountDownLatch uploaded = new CountDownLatch(1);
        AtomicInteger objectsAtCrash = new AtomicInteger();
        // the first instance dies every time it has stored a batch, before it commits
        try (SinkInstance crashing = new SinkInstance(lake.sinkProperties("lake.flush-rows", "4000"), exchange -> {
            objectsAtCrash.set(lake.objects().size());
            uploaded.countDown();
            throw new IllegalStateException("crash after upload, before commit");
        })) {
            assertThat(uploaded.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
        assertThat(objectsAtCrash.get()).as("objects stored before the crash").isPositive();

        // a new instance, with other batch boundaries, finds nothing committed and stores it all again
        try (SinkInstance restarted = new SinkInstance(lake.sinkProperties("lake.flush-rows", "2500"))) {
            SampleCsv.assertExactlyOnce(lake.awaitRows(SampleCsv.ROWS, WAIT), sample);
            lake.awaitCaughtUp(WAIT);
        }
        SampleCsv.assertExactlyOnce(lake.rows("parquet"), sample);
    }

    @Test
    void twoInstancesInOneGroupShareThePartitionsWithoutLossOrDuplicates() throws Exception {
        List<CountyRow> sample = SampleCsv.rows();
        int half = sample.size() / 2;
        try (SinkInstance first = new SinkInstance(lake.sinkProperties("lake.flush-rows", "700"))) {
            lake.send(sample.subList(0, half));
            lake.awaitRows(1, WAIT);
            try (SinkInstance second = new SinkInstance(lake.sinkProperties("lake.flush-rows", "700"))) {
                lake.send(sample.subList(half, sample.size()));
                SampleCsv.assertExactlyOnce(lake.awaitRows(SampleCsv.ROWS, WAIT), sample);
                lake.awaitCaughtUp(WAIT);
            }
        }
        SampleCsv.assertExactlyOnce(lake.rows("parquet"), sample);
    }

    @Test
    void aSinkStalledPastMaxPollIntervalUploadsNothingLate() throws Exception {
        List<CountyRow> sample = SampleCsv.rows();
        lake.send(sample);
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch woke = new CountDownLatch(1);
        AtomicBoolean once = new AtomicBoolean();
        // A stalls before its first upload for longer than max.poll.interval: the group gives its partitions to B,
        // which stores the rows cut its own way; A's late first object would overlap one of B's
        Map<String, String> zombie = lake.sinkProperties("lake.flush-rows", "3000", "lake.max-poll-interval", "12s",
                "lake.s3.timeout", "2s", "lake.s3.retries", "0");
        try (SinkInstance a = new SinkInstance(zombie, "upload-deadline", exchange -> {
            if (once.compareAndSet(false, true)) {
                stalled.countDown();
                Thread.sleep(20_000);
                woke.countDown();
            }
        })) {
            assertThat(stalled.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            try (SinkInstance b = new SinkInstance(lake.sinkProperties("lake.flush-rows", "2000"))) {
                SampleCsv.assertExactlyOnce(lake.awaitRows(SampleCsv.ROWS, WAIT), sample);
                lake.awaitCaughtUp(WAIT);
                // A wakes up past its time and stops the batch; an upload of it would land within milliseconds
                assertThat(woke.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                Thread.sleep(2_000);
            }
        }
        SampleCsv.assertExactlyOnce(lake.rows("parquet"), sample);
    }

    @Test
    void anS3OutageLosesNothing() throws Exception {
        List<CountyRow> sample = SampleCsv.rows();
        int third = sample.size() / 3;
        try (SinkInstance sink = new SinkInstance(lake.sinkProperties("lake.flush-rows", "1000"))) {
            lake.send(sample.subList(0, third));
            lake.awaitRows(third, WAIT);
            lake.stopS3();
            lake.send(sample.subList(third, sample.size()));
            Thread.sleep(6000);
            lake.startS3();
            SampleCsv.assertExactlyOnce(lake.awaitRows(SampleCsv.ROWS, Duration.ofSeconds(120)), sample);
        }
    }

    @Test
    void aNewDateIsQueryableInAthenaSoonAfterItsFirstBatchWithoutACrawl() throws Exception {
        try (TestAws aws = new TestAws(Duration.ZERO)) {
            aws.putLake(day(1));
            aws.crawl("covid");
            try (SinkInstance sink = new SinkInstance(withCatalog(aws))) {
                lake.send(day(2));
                TestAws.await("dt=2023-01-02 is registered", Duration.ofSeconds(20),
                        () -> partitions(aws).contains("2023-01-02"));
                lake.awaitCaughtUp(WAIT);
            }
            Table table = aws.glue.getTable(b -> b.databaseName("covid").name("us_counties")).table();
            Partition partition = aws.glue.getPartitions(b -> b.databaseName("covid").tableName("us_counties")).partitions().get(1);
            assertThat(partition.storageDescriptor().location()).isEqualTo("s3://covid-lake/lake/us_counties/dt=2023-01-02/");
            assertThat(partition.storageDescriptor().toBuilder().location(table.storageDescriptor().location()).build())
                    .as("the table's storage descriptor").isEqualTo(table.storageDescriptor());
            assertThat(aws.query("SELECT count(*) FROM covid.us_counties WHERE dt = '2023-01-02'"))
                    .last().isEqualTo(List.of(Integer.toString(day(2).size())));
        }
    }

    @Test
    void beforeTheFirstCrawlTheSinkStoresItsBatchesAndSaysOnceThatPartitionsWaitForTheCrawler() throws Exception {
        try (TestAws aws = new TestAws(Duration.ZERO);
             CapturedLog log = new CapturedLog();
             SinkInstance sink = new SinkInstance(withCatalog(aws))) {
            lake.send(day(1).subList(0, 10));
            lake.awaitCaughtUp(WAIT);
            lake.send(day(2).subList(0, 10));
            lake.awaitCaughtUp(WAIT);
            assertThat(log.lines).filteredOn(l -> l.contains("new dt= partitions wait for the first crawl")).containsExactly(
                    "Glue table covid.us_counties does not exist yet: new dt= partitions wait for the first crawl, which creates it");
            assertThat(log.lines).noneMatch(l -> l.contains("not registered"));
        }
    }

    @Test
    void aMessageThatIsNotACountyRowGoesToTheDeadLetterTopic() throws Exception {
        List<CountyRow> ten = SampleCsv.rows().subList(0, 10);
        lake.sendRaw("01001", "{\"date\":\"2023-01-01\",\"county\":\"Autauga\"");
        lake.send(ten);
        try (SinkInstance sink = new SinkInstance(lake.sinkProperties())) {
            SampleCsv.assertExactlyOnce(lake.awaitRows(10, WAIT), ten);
            List<ConsumerRecord<String, String>> dead = TestKafka.read(lake.topic + ".dlq", 1, Duration.ofSeconds(20));
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).value()).isEqualTo("{\"date\":\"2023-01-01\",\"county\":\"Autauga\"");
            assertThat(Header.text(dead.get(0), "dlq.reason")).startsWith("message is not valid JSON");
            assertThat(Header.text(dead.get(0), "source.record")).matches(lake.topic.replace("-", "\\-") + "\\+\\d\\+0");
        }
    }

    /** This test's topic and group, writing to the lake that the emulator catalogs in database covid. */
    private Map<String, String> withCatalog(TestAws aws) {
        Map<String, String> p = lake.sinkProperties();
        p.putAll(aws.properties("glue.database", "covid", "lake.register-partitions", "true"));
        return p;
    }

    private static List<CountyRow> day(int day) {
        LocalDate date = LocalDate.of(2023, 1, day);
        return SampleCsv.rows().stream().filter(r -> r.date().equals(date)).toList();
    }

    private static List<String> partitions(TestAws aws) {
        return aws.glue.getPartitions(b -> b.databaseName("covid").tableName("us_counties")).partitions().stream()
                .map(p -> p.values().get(0)).toList();
    }
}
