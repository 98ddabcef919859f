package local.aws;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The Glue and Athena APIs on one local HTTP port, in the AWS JSON 1.1 protocol, so that the pipeline,
 * the AWS SDKs and the aws CLI use it as they would use AWS. It listens on the loopback interface only, and
 * answers only requests signed (AWS Signature Version 4) with its access key and secret key.
 */
public final class AwsEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AwsEmulator.class);
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    /** Far above what any Glue or Athena request of the pipeline or the CLI needs. */
    private static final int MAX_BODY = 1024 * 1024;
    private static final Duration CLIENT_TIME = Duration.ofSeconds(10);

    private final HttpServer server;
    private final ClientDeadlines threads;
    private final GlueCrawlers crawlers;
    private final AthenaQueries queries;
    private final SignatureV4 signatures;
    private final List<AwsService> services;

    private AwsEmulator(HttpServer server, ClientDeadlines threads, GlueCrawlers crawlers, S3Folders lake,
                        AthenaQueries queries, SignatureV4 signatures) {
        this.server = server;
        this.threads = threads;
        this.crawlers = crawlers;
        this.queries = queries;
        this.signatures = signatures;
        this.services = List.of(new GlueApi(crawlers, lake), new AthenaApi(queries));
    }

    /**
     * @param s3Root    the s3proxy data dir, where object s3://bucket/a/b.parquet is the file s3Root/bucket/a/b.parquet
     * @param s3        a client of that same S3 server, to write query results as Athena does
     * @param crawlTime the least time a crawl stays RUNNING (zero locally; tests use seconds to see RUNNING)
     * @param stateDir  where the Glue catalog and crawlers are kept across restarts, as {@code glue-catalog.json}
     * @param accessKey the access key whose requests it answers, signed with {@code secretKey}
     * @throws IllegalStateException naming that file when it cannot be read
     */
    public static AwsEmulator start(int port, Path s3Root, S3Client s3, Duration crawlTime, Path stateDir,
                                    String accessKey, String secretKey) {
        return start(port, s3Root, s3, crawlTime, stateDir, accessKey, secretKey, CLIENT_TIME);
    }

    /** @param clientTime how long a client may take to send a request, and to read the answer */
    static AwsEmulator start(int port, Path s3Root, S3Client s3, Duration crawlTime, Path stateDir,
                             String accessKey, String secretKey, Duration clientTime) {
        S3Folders lake = new S3Folders(s3Root);
        GlueCatalogFile file = GlueCatalogFile.open(stateDir);
        GlueCatalog catalog = new GlueCatalog(file);
        GlueCrawlers crawlers = new GlueCrawlers(catalog, new LakeCrawl(lake), crawlTime, file);
        AthenaQueries queries = new AthenaQueries(new AthenaEngine(catalog, lake), s3);
        ClientDeadlines threads = new ClientDeadlines(4, clientTime);
        try {
            // the JDK's server writes an answer's headers and body apart; with Nagle's algorithm on, a kept-alive
            // client's delayed ack holds the body back about 40 ms. Read once, when the JDK's first server starts.
            System.setProperty("sun.net.httpserver.nodelay", "true");
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.setExecutor(threads);
            AwsEmulator emulator = new AwsEmulator(server, threads, crawlers, lake, queries, new SignatureV4(accessKey, secretKey));
            server.createContext("/", emulator::handle);
            server.start();
            return emulator;
        } catch (IOException | RuntimeException e) {
            threads.close();
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
        threads.close();
        crawlers.close();
        queries.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            try {
                AwsRequest request = AwsRequest.read(exchange, MAX_BODY);
                String response = ClientDeadlines.paused(() -> answer(request).toString());
                respond(exchange, 200, response, null);
            } catch (AwsError e) {
                respond(exchange, e.status(), e.body().toString(), e.type());
            } catch (RuntimeException e) {
                LOG.warn("local AWS emulator failed on {}", target, e);
                AwsError internal = new AwsError(500, "InternalServiceException", String.valueOf(e.getMessage()));
                respond(exchange, internal.status(), internal.body().toString(), internal.type());
            }
        }
    }

    /** The answer to a signed POST to / naming its operation in X-Amz-Target, as the AWS JSON protocol has it. */
    private JsonNode answer(AwsRequest request) {
        signatures.check(request, Instant.now());
        if (!request.method().equals("POST") || !request.path().equals("/")) {
            throw new AwsError(404, "UnknownOperationException", "No operation at " + request.method() + " "
                    + request.path() + ": the AWS JSON protocol POSTs to / with the operation in X-Amz-Target.");
        }
        String target = request.header("x-amz-target");
        if (target == null) {
            throw new AwsError("UnknownOperationException", "The request has no X-Amz-Target header naming its operation.");
        }
        JsonNode body = Members.parse(request.body());
        int dot = target.indexOf('.');
        String prefix = dot < 0 ? target : target.substring(0, dot);
        for (AwsService service : services) {
            if (service.targetPrefix().equals(prefix)) {
                return service.call(target.substring(dot + 1), body);
            }
        }
        throw AwsService.unknownOperation(target);
    }

    private static void respond(HttpExchange exchange, int status, String body, String errorType) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        if (errorType != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        // an answer to HEAD has no body (the HTTP server refuses to send one)
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(bytes);
            }
        }
    }
}
