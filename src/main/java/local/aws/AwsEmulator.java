package local.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The Glue and Athena APIs on one local HTTP port, in the AWS JSON 1.1 protocol, so that the pipeline,
 * the AWS SDKs and the aws CLI use it as they would use AWS. Requests are not authenticated: it listens
 * on the loopback interface only.
 */
public final class AwsEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AwsEmulator.class);
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final HttpServer server;
    private final ExecutorService requests;
    private final GlueCrawlers crawlers;
    private final AthenaQueries queries;
    private final List<AwsService> services;

    private AwsEmulator(HttpServer server, ExecutorService requests, GlueCrawlers crawlers, AthenaQueries queries) {
        this.server = server;
        this.requests = requests;
        this.crawlers = crawlers;
        this.queries = queries;
        this.services = List.of(new GlueApi(crawlers), new AthenaApi(queries));
    }

    /**
     * @param s3Root    the s3proxy data dir, where object s3://bucket/a/b.parquet is the file s3Root/bucket/a/b.parquet
     * @param s3        a client of that same S3 server, to write query results as Athena does
     * @param crawlTime the least time a crawl stays RUNNING (zero locally; tests use seconds to see RUNNING)
     * @param stateDir  where the Glue catalog and crawlers are kept across restarts, as {@code glue-catalog.json}
     * @throws IllegalStateException naming that file when it cannot be read
     */
    public static AwsEmulator start(int port, Path s3Root, S3Client s3, Duration crawlTime, Path stateDir) {
        S3Folders lake = new S3Folders(s3Root);
        GlueCatalogFile file = GlueCatalogFile.open(stateDir);
        GlueCatalog catalog = new GlueCatalog(file);
        GlueCrawlers crawlers = new GlueCrawlers(catalog, new LakeCrawl(lake), crawlTime, file);
        AthenaQueries queries = new AthenaQueries(new AthenaEngine(catalog, lake), s3);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            ExecutorService requests = Executors.newFixedThreadPool(4, Threads.daemon("aws-emulator-http"));
            server.setExecutor(requests);
            AwsEmulator emulator = new AwsEmulator(server, requests, crawlers, queries);
            server.createContext("/", emulator::handle);
            server.start();
            return emulator;
        } catch (IOException | RuntimeException e) {
            crawlers.close();
            queries.close();
            throw new IllegalStateException("local Glue/Athena emulator did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        requests.shutdownNow();
        crawlers.close();
        queries.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            try {
                JsonNode request = readBody(exchange.getRequestBody());
                respond(exchange, 200, dispatch(target, request).toString(), null);
            } catch (AwsError e) {
                respond(exchange, e.status(), e.body().toString(), e.type());
            } catch (RuntimeException e) {
                LOG.warn("local AWS emulator failed on {}", target, e);
                AwsError internal = new AwsError(500, "InternalServiceException", String.valueOf(e.getMessage()));
                respond(exchange, internal.status(), internal.body().toString(), internal.type());
            }
        }
    }

    private JsonNode dispatch(String target, JsonNode request) {
        int dot = target.indexOf('.');
        String prefix = dot < 0 ? target : target.substring(0, dot);
        for (AwsService service : services) {
            if (service.targetPrefix().equals(prefix)) {
                return service.call(target.substring(dot + 1), request);
            }
        }
        throw AwsService.unknownOperation(target);
    }

    private static JsonNode readBody(InputStream body) throws IOException {
        byte[] bytes = body.readAllBytes();
        if (bytes.length == 0) {
            return Json.object();
        }
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new AwsError("SerializationException", "The request body is not JSON: " + e.getMessage());
        }
    }

    private static void respond(HttpExchange exchange, int status, String body, String errorType) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        if (errorType != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
