package support;

import covid.CountyRow;
import lake.ObjectKeys;
import lake.ParquetFormat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import aws.AwsClients;
import local.Directories;
import local.LoopbackPorts;
import local.EmbeddedS3;
import local.aws.AwsEmulator;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A lake bucket on a local S3 server and the Glue/Athena emulator over it, with SDK clients, for one test; or over
 * the lake and Glue catalog a pipeline run left in its data dir.
 */
public final class TestAws implements AutoCloseable {

    public static final String BUCKET = "covid-lake";
    /** The keys of the S3 server and of the emulator, which answers only requests signed with them. */
    public static final String ACCESS_KEY = "key";
    public static final String SECRET_KEY = "secret";

    private final Path dir;
    private final boolean temporary;
    public final Path s3Root;
    private final EmbeddedS3 s3Server;
    public final S3Client s3;
    private final AwsEmulator emulator;
    public final GlueClient glue;
    public final AthenaClient athena;

    /** @param crawlTime how long each crawl stays RUNNING */
    public TestAws(Duration crawlTime) {
        this(TestKafka.tempDir("aws"), crawlTime, true);
    }

    /** Over a pipeline's data dir (local.data-dir: its s3/ and glue/ folders), which close() leaves in place. */
    public TestAws(Path dataDir) {
        this(dataDir, Duration.ZERO, false);
    }

    private TestAws(Path dir, Duration crawlTime, boolean temporary) {
        this.dir = dir;
        this.temporary = temporary;
        s3Root = dir.resolve("s3");
        s3Server = EmbeddedS3.start(s3Root, LoopbackPorts.free(), ACCESS_KEY, SECRET_KEY, BUCKET);
        s3 = AwsClients.s3(s3Server.url(), "us-east-1", ACCESS_KEY, SECRET_KEY);
        emulator = AwsEmulator.start(LoopbackPorts.free(), s3Root, s3, crawlTime, dir.resolve("glue"), ACCESS_KEY, SECRET_KEY);
        glue = AwsClients.glue(emulator.url(), "us-east-1", ACCESS_KEY, SECRET_KEY);
        athena = AwsClients.athena(emulator.url(), "us-east-1", ACCESS_KEY, SECRET_KEY);
    }

    /** The pipeline's properties for this S3 server and emulator; {@code extra} (key, value, ...) wins. */
    public Map<String, String> properties(String... extra) {
        Map<String, String> p = new HashMap<>();
        p.put("local.enabled", "false");
        p.put("lake.bucket", BUCKET);
        p.put("lake.s3.endpoint", s3Server.url());
        p.put("lake.s3.access-key", ACCESS_KEY);
        p.put("lake.s3.secret-key", SECRET_KEY);
        p.put("aws.endpoint", emulator.url());
        p.put("aws.access-key", ACCESS_KEY);
        p.put("aws.secret-key", SECRET_KEY);
        for (int i = 0; i < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        return p;
    }

    /** Stores the rows as the sink would: one Parquet object per date under {@code lake/us_counties/dt=...}. */
    public void putLake(List<CountyRow> rows) {
        ObjectKeys keys = new ObjectKeys("lake", "covid.us-counties");
        Map<LocalDate, List<CountyRow>> byDate = rows.stream()
                .collect(Collectors.groupingBy(CountyRow::date, TreeMap::new, Collectors.toList()));
        try (ParquetFormat parquet = new ParquetFormat()) {
            byDate.forEach((date, dayRows) -> s3.putObject(b -> b.bucket(BUCKET).key(keys.key(date, 0, 0, "parquet")),
                    RequestBody.fromBytes(parquet.encode(dayRows))));
        }
    }

    /** Catalogs the lake into {@code database} with a crawl, as the crawler route would, and waits for it. */
    public void crawl(String database) throws InterruptedException {
        glue.createDatabase(r -> r.databaseInput(d -> d.name(database)));
        glue.createCrawler(r -> r.name(database + "-crawler").role("test").databaseName(database)
                .targets(t -> t.s3Targets(s -> s.path("s3://" + BUCKET + "/lake/"))));
        glue.startCrawler(r -> r.name(database + "-crawler"));
        await("the crawl ends", Duration.ofSeconds(30), () -> {
            var crawler = glue.getCrawler(r -> r.name(database + "-crawler")).crawler();
            return crawler.lastCrawl() != null && crawler.state() == CrawlerState.READY;
        });
    }

    /**
     * Stores a Parquet object of county rows, written by DuckDB from SQL {@code values}, e.g.
     * {@code "(DATE '2023-01-01', 'Autauga', 'Alabama', '01001', 10, 1)"}.
     */
    public void putParquet(String key, String... values) throws Exception {
        Path file = dir.resolve("upload.parquet");
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duckDb.createStatement()) {
            sql.execute("CREATE TABLE rows (date DATE, county VARCHAR, state VARCHAR, fips VARCHAR, cases BIGINT, deaths BIGINT)");
            sql.execute("INSERT INTO rows VALUES " + String.join(", ", values));
            sql.execute("COPY rows TO '" + file + "' (FORMAT parquet)");
        }
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromFile(file));
        Files.delete(file);
    }

    /** Runs the query in the Athena emulator and returns its first page of rows, the header first, as text. */
    public List<List<String>> query(String sql) throws InterruptedException {
        String id = athena.startQueryExecution(b -> b.queryString(sql)
                .resultConfiguration(r -> r.outputLocation("s3://" + BUCKET + "/athena-results/"))).queryExecutionId();
        await("the query ends", Duration.ofSeconds(30), () -> execution(id).status().completionDateTime() != null);
        QueryExecution execution = execution(id);
        if (execution.status().state() != QueryExecutionState.SUCCEEDED) {
            throw new AssertionError(sql + " ended " + execution.status().state() + ": " + execution.status().stateChangeReason());
        }
        return athena.getQueryResults(b -> b.queryExecutionId(id)).resultSet().rows().stream()
                .map(row -> row.data().stream().map(Datum::varCharValue).toList()).toList();
    }

    private QueryExecution execution(String id) {
        return athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution();
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    public String emulatorUrl() {
        return emulator.url();
    }

    public String object(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asUtf8String();
    }

    @Override
    public void close() throws Exception {
        athena.close();
        glue.close();
        emulator.close();
        s3.close();
        s3Server.close();
        if (temporary) {
            Directories.deleteTree(dir);
        }
    }
}
