package local.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import aws.AwsClients;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import local.LoopbackPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Database;
import support.TestAws;

/**
 * Generated bad requests (bodies that are no JSON or no JSON object, members of another type, required members
 * left out, unknown targets, other methods and paths, bodies over the limit) each get a 4xx in AWS's error shape
 * within seconds, and the emulator answers good requests afterwards. They are signed, so that what is bad about
 * them is what the test made bad; the seed is fixed, so that a failure can be replayed.
 */
class BadRequestTest {

    private static final int MAX_BODY = 1024 * 1024;
    private static final Duration ANSWER_TIME = Duration.ofSeconds(5);

    /** A good body of each operation, with every member the emulator reads, and which of them it requires. */
    private static final Map<String, Operation> OPERATIONS = Map.ofEntries(
            operation("AWSGlue.CreateDatabase", "{'DatabaseInput': {'Name': 'fuzz', 'Description': 'd'}}",
                    "DatabaseInput", "DatabaseInput.Name"),
            operation("AWSGlue.GetDatabase", "{'Name': 'default'}", "Name"),
            operation("AWSGlue.GetDatabases", "{'MaxResults': 10, 'NextToken': ''}"),
            operation("AWSGlue.CreateCrawler", "{'Name': 'fuzz', 'Role': 'r', 'DatabaseName': 'default', 'Targets': "
                    + "{'S3Targets': [{'Path': 's3://covid-lake/lake/'}]}, 'TablePrefix': 'p', 'Schedule': '', 'Description': 'd'}",
                    "Name", "Role", "DatabaseName"),
            operation("AWSGlue.StartCrawler", "{'Name': 'fuzz'}", "Name"),
            operation("AWSGlue.GetCrawler", "{'Name': 'fuzz'}", "Name"),
            operation("AWSGlue.GetCrawlers", "{'MaxResults': 10, 'NextToken': ''}"),
            operation("AWSGlue.GetCrawlerMetrics", "{'CrawlerNameList': ['fuzz'], 'MaxResults': 10, 'NextToken': ''}"),
            operation("AWSGlue.GetTable", "{'DatabaseName': 'default', 'Name': 'us_counties'}", "DatabaseName", "Name"),
            operation("AWSGlue.GetTables", "{'DatabaseName': 'default', 'Expression': 'us_*', 'MaxResults': 10, 'NextToken': ''}",
                    "DatabaseName"),
            operation("AWSGlue.GetPartitions", "{'DatabaseName': 'default', 'TableName': 'us_counties', 'MaxResults': 10, "
                    + "'NextToken': ''}", "DatabaseName", "TableName"),
            operation("AWSGlue.BatchCreatePartition", "{'CatalogId': '000000000000', 'DatabaseName': 'default', "
                    + "'TableName': 'us_counties', 'PartitionInputList': [{'Values': ['2023-01-01'], 'StorageDescriptor': "
                    + "{'Location': 's3://covid-lake/lake/us_counties/dt=2023-01-01/'}}]}",
                    "DatabaseName", "TableName", "PartitionInputList", "PartitionInputList.0.StorageDescriptor.Location"),
            operation("AmazonAthena.StartQueryExecution", "{'QueryString': 'SELECT 1', 'QueryExecutionContext': "
                    + "{'Database': 'default', 'Catalog': 'AwsDataCatalog'}, 'ResultConfiguration': {'OutputLocation': "
                    + "'s3://covid-lake/athena-results/'}, 'WorkGroup': 'primary', 'ClientRequestToken': 'fuzz'}",
                    "QueryString", "ResultConfiguration", "ResultConfiguration.OutputLocation"),
            operation("AmazonAthena.GetQueryExecution", "{'QueryExecutionId': 'fuzz'}", "QueryExecutionId"),
            operation("AmazonAthena.BatchGetQueryExecution", "{'QueryExecutionIds': ['fuzz']}"),
            operation("AmazonAthena.GetQueryResults", "{'QueryExecutionId': 'fuzz', 'MaxResults': 10, 'NextToken': ''}",
                    "QueryExecutionId"),
            operation("AmazonAthena.StopQueryExecution", "{'QueryExecutionId': 'fuzz'}", "QueryExecutionId"),
            operation("AmazonAthena.ListQueryExecutions", "{'WorkGroup': 'primary', 'MaxResults': 10, 'NextToken': ''}"),
            operation("AmazonAthena.GetWorkGroup", "{'WorkGroup': 'primary'}", "WorkGroup"));

    private final Random random = new Random(20230101);

    @TempDir
    Path state;

    @Test
    void everyBadRequestGetsAnAwsErrorQuicklyAndTheEmulatorKeepsAnswering() throws Exception {
        try (TestAws aws = new TestAws(Duration.ZERO)) {
            SignedHttp http = new SignedHttp(aws.emulatorUrl());
            List<BadRequest> requests = badRequests();

            for (BadRequest request : requests) {
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(request.method(), request.path(), request.target(), request.body(),
                        Instant.now());

                String what = request.what() + " -> " + response.statusCode() + " " + response.body();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as(what).isLessThan(ANSWER_TIME);
                assertThat(response.statusCode()).as(what).isBetween(400, 499);
                assertThat(response.headers().firstValue("x-amzn-ErrorType")).as(what).isPresent();
                assertThat(Json.MAPPER.readTree(response.body()).path("__type").asText()).as(what).isNotEmpty();
            }

            assertThat(requests.size()).isGreaterThan(300);
            assertThat(aws.glue.getDatabases(b -> { }).databaseList()).extracting(Database::name).containsExactly("default");
        }
    }

    @Test
    void clientsThatStopSendingAreCutOffAndTheOthersAreStillAnswered() throws Exception {
        try (TestAws aws = new TestAws(Duration.ZERO);
             AwsEmulator emulator = AwsEmulator.start(LoopbackPorts.free(), aws.s3Root, aws.s3, Duration.ZERO, state,
                     TestAws.ACCESS_KEY, TestAws.SECRET_KEY, Duration.ofSeconds(1));
             GlueClient glue = AwsClients.glue(emulator.url(), "us-east-1", TestAws.ACCESS_KEY, TestAws.SECRET_KEY)) {
            List<Socket> stalled = new ArrayList<>();
            // twice as many as the emulator has threads; half stop within the headers, half within the body
            for (int i = 0; i < 8; i++) {
                Socket socket = new Socket("127.0.0.1", URI.create(emulator.url()).getPort());
                socket.getOutputStream().write((i % 2 == 0 ? "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le"
                        : "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{\"Na").getBytes(StandardCharsets.US_ASCII));
                stalled.add(socket);
            }
            long start = System.nanoTime();

            assertThat(glue.getDatabases(b -> { }).databaseList()).isNotEmpty();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            for (Socket socket : stalled) {
                socket.setSoTimeout((int) ANSWER_TIME.toMillis());
                assertThat(closedByThePeer(socket)).isTrue();
                socket.close();
            }
        }
    }

    private List<BadRequest> badRequests() {
        List<BadRequest> requests = new ArrayList<>();
        OPERATIONS.forEach((target, operation) -> requests.addAll(badBodies(target, operation)));
        requests.addAll(oddBodies("AWSGlue.GetDatabases"));
        requests.addAll(badTargets());
        requests.addAll(badMethodsAndPaths("AWSGlue.GetDatabases"));
        for (int size : List.of(MAX_BODY + 1, MAX_BODY + 1 + random.nextInt(MAX_BODY), 20 * MAX_BODY)) {
            requests.add(post(size + " bytes", "AWSGlue.GetDatabases", "{\"NextToken\": \"" + "a".repeat(size) + "\"}"));
        }
        return requests;
    }

    /** Members of other types, required members left out, the body cut short, random bytes. */
    private List<BadRequest> badBodies(String target, Operation operation) {
        List<BadRequest> requests = new ArrayList<>();
        JsonNode good = json(operation.body());
        for (String path : memberPaths(good, "")) {
            for (JsonNode wrong : wrongTypes(at(good, path))) {
                requests.add(post(target + " with " + path + " = " + wrong, target, with(good, path, wrong).toString()));
            }
        }
        for (String path : operation.required()) {
            requests.add(post(target + " without " + path, target, with(good, path, null).toString()));
        }
        if (!operation.required().isEmpty()) {
            requests.add(post(target + " with no body", target, ""));
        }
        byte[] bytes = good.toString().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 3; i++) {
            int length = 1 + random.nextInt(bytes.length - 1);
            requests.add(post(target + " cut at " + length, target, Arrays.copyOf(bytes, length)));
        }
        for (int i = 0; i < 3; i++) {
            byte[] garbage = new byte[1 + random.nextInt(100)];
            random.nextBytes(garbage);
            requests.add(post(target + " with random bytes " + Arrays.toString(garbage), target, garbage));
        }
        return requests;
    }

    /** JSON that is no object, trailing tokens, past Jackson's limits, not UTF-8, a forged NextToken. */
    private static List<BadRequest> oddBodies(String target) {
        List<BadRequest> requests = new ArrayList<>();
        String forgedToken = Base64.getUrlEncoder().encodeToString("local-page:-5".getBytes(StandardCharsets.UTF_8));
        for (String body : List.of("[]", "5", "\"text\"", "null", "true", "{} {}", "{\"MaxResults\": 1" + "0".repeat(2000) + "}",
                "[".repeat(5000) + "]".repeat(5000), "{\"NextToken\": \"" + forgedToken + "\"}")) {
            requests.add(post(target + " with " + body.substring(0, Math.min(40, body.length())), target, body));
        }
        byte[] notUtf8 = {'{', '"', 'N', 'e', 'x', 't', 'T', 'o', 'k', 'e', 'n', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'};
        requests.add(post(target + " with a body that is not UTF-8", target, notUtf8));
        return requests;
    }

    private List<BadRequest> badTargets() {
        List<BadRequest> requests = new ArrayList<>();
        requests.add(new BadRequest("no target", "POST", "/", null, "{}".getBytes(StandardCharsets.UTF_8)));
        List<String> targets = new ArrayList<>(List.of("", "AWSGlue", "AWSGlue.", ".GetDatabases", "AWSGlue.getdatabases",
                "AWSGlue.GetDatabases.Again", "AmazonAthena.DeleteWorkGroup", "AmazonS3.ListBuckets"));
        for (int i = 0; i < 20; i++) {
            targets.add(randomText(random.nextInt(40)));
        }
        targets.forEach(target -> requests.add(post("target " + target, target, "{}")));
        return requests;
    }

    private static List<BadRequest> badMethodsAndPaths(String target) {
        List<BadRequest> requests = new ArrayList<>();
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            requests.add(new BadRequest(method + " /", method, "/", target, body));
        }
        for (String path : List.of("/x", "/AWSGlue.GetDatabases", "/%2F", "/glue/")) {
            requests.add(new BadRequest("POST " + path, "POST", path, target, body));
        }
        return requests;
    }

    /** The paths of every member (a.b, list items as a.0), at any depth. */
    private static List<String> memberPaths(JsonNode node, String prefix) {
        List<String> paths = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                paths.add(prefix + name);
                paths.addAll(memberPaths(node.get(name), prefix + name + "."));
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                paths.add(prefix + i);
                paths.addAll(memberPaths(node.get(i), prefix + i + "."));
            }
        }
        return paths;
    }

    /** Three values of JSON types the member does not have (an integer member takes no decimal or string). */
    private List<JsonNode> wrongTypes(JsonNode member) {
        List<JsonNode> values = new ArrayList<>(List.of(TextNode.valueOf(randomText(8)),
                json(Integer.toString(random.nextInt())), json("1.5"), json("true"), json("['x']"), json("{'x': 1}")));
        values.removeIf(v -> v.getNodeType() == member.getNodeType() && v.isIntegralNumber() == member.isIntegralNumber());
        Collections.shuffle(values, random);
        return values.subList(0, 3);
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String step : path.split("\\.")) {
            node = node.isArray() ? node.get(Integer.parseInt(step)) : node.get(step);
        }
        return node;
    }

    /** A copy of {@code root} with the member at {@code path} set to {@code value}, or removed for null. */
    private static JsonNode with(JsonNode root, String path, JsonNode value) {
        JsonNode copy = root.deepCopy();
        int dot = path.lastIndexOf('.');
        JsonNode parent = dot < 0 ? copy : at(copy, path.substring(0, dot));
        String last = path.substring(dot + 1);
        if (parent instanceof ArrayNode list) {
            list.set(Integer.parseInt(last), value);
        } else if (value == null) {
            ((ObjectNode) parent).remove(last);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return copy;
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (' ' + random.nextInt(95)));
        }
        return text.toString();
    }

    private static BadRequest post(String what, String target, String body) {
        return post(what, target, body.getBytes(StandardCharsets.UTF_8));
    }

    private static BadRequest post(String what, String target, byte[] body) {
        return new BadRequest(what, "POST", "/", target, body);
    }

    /** JSON written with single quotes, for legibility. */
    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static Map.Entry<String, Operation> operation(String target, String body, String... required) {
        return Map.entry(target, new Operation(body, List.of(required)));
    }

    /** True when the emulator closed the connection without answering. */
    private static boolean closedByThePeer(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketException reset) {
            return true;
        }
    }

    private record Operation(String body, List<String> required) {
    }

    private record BadRequest(String what, String method, String path, String target, byte[] body) {
    }
}
