package app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import local.Directories;
import local.LoopbackPorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import support.CapturedLog;
import support.TestAws;
import support.TestKafka;

/** A local run as an operator sees it: health, metrics and the report page over HTTP while it runs, and no secret in its log. */
class ObservedRunTest {

    private static final String AWS_SECRET = "aws-SECRET-7f3a";

    private final Path dataDir = TestKafka.tempDir("observed-run");
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void deleteDataDir() {
        Directories.deleteTree(dataDir);
    }

    @Test
    void healthAndMetricsAnswerOverHttpAndNoSecretIsLogged() throws Exception {
        int port = LoopbackPorts.free();
        String management = "http://127.0.0.1:" + port + "/observe/";
        try (CapturedLog log = new CapturedLog()) {
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> LocalRun.run(dataDir,
                    "camel.management.port", Integer.toString(port),
                    "local.keep-running", "true",
                    "camel.main.duration-max-seconds", "45",
                    // the local stack's one secret: S3's, the emulator's and the Kafka login's
                    "local.s3.secret-key", AWS_SECRET));

            TestAws.await("the reports ran", Duration.ofSeconds(50),
                    () -> get(management + "metrics").contains("covid_report_query_seconds_count{report=\"top_counties_last_7_days\""));
            assertThat(get(management + "health/live")).contains("\"status\":\"UP\"");
            // the report page, from the bucket, on the same loopback server
            TestAws.await("the report page is served", Duration.ofSeconds(20),
                    () -> get("http://127.0.0.1:" + port + "/reports/").contains("data-chart=\"country-cases\""));
            // the local run's management server is on loopback only: the machine's other addresses refuse
            for (InetAddress address : otherAddresses()) {
                assertThatThrownBy(() -> new Socket(address, port).close()).as("management port on " + address)
                        .isInstanceOf(ConnectException.class);
            }
            assertThat(get(management + "health/ready")).contains("\"status\":\"UP\"");
            assertThat(get(management + "health?exposureLevel=full"))
                    .contains("{\"name\":\"kafka\",\"status\":\"UP\"}", "{\"name\":\"s3\",\"status\":\"UP\"}");
            String metrics = get(management + "metrics");
            assertThat(metrics).contains(
                    "covid_replay_rows_total 9764.0",
                    "covid_lake_rows_total 9764.0",
                    "covid_lake_objects_total",
                    "covid_lake_since_last_flush_seconds",
                    "covid_dead_letter_rows_total{step=\"replay\"} 0.0",
                    "covid_report_scanned_bytes_total{report=\"data_quality\"}",
                    "camel_exchanges_total");
            // the crawl at the end, and the first folders' crawl at once when it came before the end
            assertThat(metrics).containsPattern("covid_crawler_runs_total\\{status=\"SUCCEEDED\"} [12]\\.0");

            assertThat(run.get(90, TimeUnit.SECONDS)).isZero();
            // the start-up listing names the secret settings, masked; nothing anywhere shows their values
            assertThat(log.lines).anyMatch(line -> line.contains("aws.secret-key = xxxxxx"));
            assertThat(log.lines).anyMatch(line -> line.contains("kafka.sasl-jaas-config = xxxxxx"));
            assertThat(log.lines).noneMatch(line -> line.contains(AWS_SECRET));
        }
    }

    /** This machine's addresses that are not loopback (a test machine has at least one). */
    private static List<InetAddress> otherAddresses() throws SocketException {
        List<InetAddress> addresses = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress()).toList();
        assertThat(addresses).as("a non-loopback address to try").isNotEmpty();
        return addresses;
    }

    private String get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return "";
        }
    }
}
