package local.aws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import aws.AwsClients;
import local.Directories;
import local.EmbeddedKafka;
import local.EmbeddedS3;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;
import support.TestKafka;

/** A local S3 server and the emulator over its data dir, with SDK clients of both, for one test class. */
final class LocalAws implements AutoCloseable {

    static final String BUCKET = "covid-lake";
    static final String COLUMNS = "date DATE, county VARCHAR, state VARCHAR, fips VARCHAR, cases BIGINT, deaths BIGINT";

    final Path dir = TestKafka.tempDir("aws-emulator-test");
    final EmbeddedS3 s3Server;
    final S3Client s3;
    final AwsEmulator emulator;
    final GlueClient glue;
    final AthenaClient athena;

    LocalAws(Duration crawlTime) {
        Path s3Root = dir.resolve("s3");
        s3Server = EmbeddedS3.start(s3Root, EmbeddedKafka.freePort(), "key", "secret", BUCKET);
        s3 = AwsClients.s3(s3Server.url(), "us-east-1", "key", "secret");
        emulator = AwsEmulator.start(EmbeddedKafka.freePort(), s3Root, s3, crawlTime);
        glue = AwsClients.glue(emulator.url(), "us-east-1", "key", "secret");
        athena = AwsClients.athena(emulator.url(), "us-east-1", "key", "secret");
    }

    /**
     * Stores a Parquet object of county rows, written by DuckDB from {@code values}, e.g.
     * {@code "(DATE '2023-01-01', 'Autauga', 'Alabama', '01001', 10, 1)"}.
     */
    void putParquet(String key, String... values) throws Exception {
        Path file = dir.resolve("upload.parquet");
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duckDb.createStatement()) {
            sql.execute("CREATE TABLE rows (" + COLUMNS + ")");
            sql.execute("INSERT INTO rows VALUES " + String.join(", ", values));
            sql.execute("COPY rows TO '" + file + "' (FORMAT parquet)");
        }
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromFile(file));
        Files.delete(file);
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws Exception {
        athena.close();
        glue.close();
        emulator.close();
        s3.close();
        s3Server.close();
        Directories.deleteTree(dir);
    }
}
