package trinocheck;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import reports.ResultTable;

/**
 * Runs SQL on Trino through its client REST protocol (POST /v1/statement, then GET each nextUri until there is
 * none), in one catalog and schema as Athena runs a report in its database. No driver: the protocol is a few
 * JSON fields, and trino-jdbc is not among the packages this project can fetch.
 */
final class TrinoStatements {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Trino answers 503 while it is busy; the protocol says to ask again. */
    private static final int BUSY = 503;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI server;
    private final String catalog;
    private final String schema;

    TrinoStatements(URI server, String catalog, String schema) {
        this.server = server;
        this.catalog = catalog;
        this.schema = schema;
    }

    /** The rows as text (Trino's JSON values: numbers as Java prints them, NULL as null), Trino's types beside. */
    ResultTable run(String sql) throws QueryFailedException, InterruptedException {
        JsonNode page = send(request(server.resolve("/v1/statement")).POST(HttpRequest.BodyPublishers.ofString(sql)));
        List<String> columns = null;
        List<String> types = null;
        List<List<String>> rows = new ArrayList<>();
        while (true) {
            if (page.hasNonNull("error")) {
                throw new QueryFailedException(page.get("error").path("message").asText());
            }
            if (columns == null && page.has("columns")) {
                columns = new ArrayList<>();
                types = new ArrayList<>();
                for (JsonNode column : page.get("columns")) {
                    columns.add(column.path("name").asText());
                    types.add(column.path("type").asText());
                }
            }
            for (JsonNode row : page.path("data")) {
                List<String> values = new ArrayList<>();
                row.forEach(value -> values.add(text(value)));
                rows.add(values);
            }
            if (!page.hasNonNull("nextUri")) {
                break;
            }
            page = send(request(URI.create(page.get("nextUri").asText())).GET());
        }
        return new ResultTable(columns == null ? List.of() : columns, types == null ? List.of() : types, rows);
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5))
                .header("X-Trino-User", "trino-check")
                .header("X-Trino-Catalog", catalog)
                .header("X-Trino-Schema", schema);
    }

    private JsonNode send(HttpRequest.Builder request) throws InterruptedException {
        HttpRequest built = request.build();
        try {
            while (true) {
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return JSON.readTree(response.body());
                }
                if (response.statusCode() != BUSY) {
                    throw new IllegalStateException("Trino answered " + built.uri() + " with HTTP " + response.statusCode()
                            + ": " + response.body().lines().findFirst().orElse(""));
                }
                Thread.sleep(100);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Trino did not answer " + built.uri() + ": " + e.getMessage(), e);
        }
    }

    /** Arrays, maps and rows as their JSON; everything else as the value's text. */
    private static String text(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        return value.isContainerNode() ? value.toString() : value.asText();
    }
}
