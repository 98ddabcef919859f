package local.aws;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Glue catalog and crawlers in {@code glue-catalog.json}, so that they outlive the process as Glue's do.
 * The catalog and the crawlers each save their part under their own lock, so that the saves of a part come
 * in the order of its changes; this keeps the latest of both parts and writes them whole at each save.
 */
final class GlueCatalogFile {

    private final Path file;
    private List<GlueCatalog.Database> databases;
    private List<GlueTable> tables;
    private List<GlueCrawler> crawlers;

    private GlueCatalogFile(Path file, List<GlueCatalog.Database> databases, List<GlueTable> tables,
                            List<GlueCrawler> crawlers) {
        this.file = file;
        this.databases = databases;
        this.tables = tables;
        this.crawlers = crawlers;
    }

    /** The file in {@code stateDir} with what it holds, or empty when there is none yet. */
    static GlueCatalogFile open(Path stateDir) {
        Path file = stateDir.resolve("glue-catalog.json");
        if (!Files.exists(file)) {
            return new GlueCatalogFile(file, List.of(), List.of(), List.of());
        }
        try {
            JsonNode root = Json.MAPPER.readTree(file.toFile());
            List<JsonNode> databases = list(root.required("databases"), n -> n);
            return new GlueCatalogFile(file, databases.stream().map(GlueCatalogFile::database).toList(),
                    databases.stream().flatMap(d -> list(d.required("tables"), t -> table(d, t)).stream()).toList(),
                    list(root.required("crawlers"), GlueCatalogFile::crawler));
        } catch (IOException | RuntimeException e) {
            // without a cause: the pipeline reports a failed start by its root cause, and this line names the file;
            // a catalog silently started empty would lose every table and crawler at the next save
            throw new IllegalStateException("cannot read the Glue catalog file " + file + " (repair or delete it): "
                    + (e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("")));
        }
    }

    synchronized List<GlueCatalog.Database> databases() {
        return databases;
    }

    synchronized List<GlueTable> tables() {
        return tables;
    }

    synchronized List<GlueCrawler> crawlers() {
        return crawlers;
    }

    synchronized void saveCatalog(Collection<GlueCatalog.Database> databases, Collection<GlueTable> tables) {
        this.databases = List.copyOf(databases);
        this.tables = List.copyOf(tables);
        write();
    }

    synchronized void saveCrawlers(Collection<GlueCrawler> crawlers) {
        this.crawlers = List.copyOf(crawlers);
        write();
    }

    /** Through a file that then replaces the old one: a process killed mid-write leaves the previous state whole. */
    private void write() {
        ObjectNode root = Json.object();
        ArrayNode databaseList = root.putArray("databases");
        for (GlueCatalog.Database database : databases) {
            ArrayNode tableList = databaseList.addObject().put("name", database.name())
                    .put("description", database.description()).put("createTime", database.createTime().toString())
                    .putArray("tables");
            tables.stream().filter(t -> t.database().equals(database.name())).forEach(t -> tableList.add(json(t)));
        }
        ArrayNode crawlerList = root.putArray("crawlers");
        crawlers.forEach(c -> crawlerList.add(json(c)));
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (FileOutputStream out = new FileOutputStream(temp.toFile())) {
                out.write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
                out.getFD().sync(); // else a power cut after the move could leave an empty file
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Glue catalog file " + file + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode json(GlueTable table) {
        ObjectNode node = Json.object().put("name", table.name()).put("format", table.format().name())
                .put("location", table.location());
        ArrayNode columns = node.putArray("columns");
        table.columns().forEach(c -> columns.addObject().put("name", c.name()).put("type", c.type()));
        ArrayNode keys = node.putArray("partitionKeys");
        table.partitionKeys().forEach(keys::add);
        ArrayNode partitions = node.putArray("partitions");
        for (GlueTable.Partition partition : table.partitions()) {
            ObjectNode p = partitions.addObject();
            partition.values().forEach(p.putArray("values")::add);
            p.put("location", partition.location()).put("creationTime", partition.creationTime().toString());
        }
        return node.put("crawler", table.crawler()).put("createTime", table.createTime().toString())
                .put("updateTime", table.updateTime().toString());
    }

    private static ObjectNode json(GlueCrawler crawler) {
        GlueCrawler.Definition definition = crawler.definition();
        ObjectNode node = Json.object().put("name", definition.name()).put("role", definition.role())
                .put("database", definition.database());
        definition.s3Targets().forEach(node.putArray("s3Targets")::add);
        node.put("tablePrefix", definition.tablePrefix()).put("schedule", definition.schedule())
                .put("description", definition.description()).put("creationTime", crawler.creationTime().toString());
        GlueCrawler.LastCrawl last = crawler.lastCrawl();
        if (last == null) {
            node.putNull("lastCrawl");
        } else {
            node.putObject("lastCrawl").put("status", last.status()).put("errorMessage", last.errorMessage())
                    .put("startTime", last.startTime().toString()).put("messagePrefix", last.messagePrefix());
        }
        ArrayNode runtimes = node.putArray("runtimes");
        crawler.runtimes().forEach(r -> runtimes.add(r.toString()));
        return node.put("tablesCreated", crawler.tablesCreated()).put("tablesUpdated", crawler.tablesUpdated());
    }

    private static GlueCatalog.Database database(JsonNode node) {
        return new GlueCatalog.Database(text(node, "name"), text(node, "description"), time(node, "createTime"));
    }

    private static GlueTable table(JsonNode database, JsonNode node) {
        return new GlueTable(text(database, "name"), text(node, "name"), LakeFormat.valueOf(text(node, "format")),
                text(node, "location"), list(node.required("columns"), c -> new Column(text(c, "name"), text(c, "type"))),
                list(node.required("partitionKeys"), JsonNode::asText),
                list(node.required("partitions"), p -> new GlueTable.Partition(list(p.required("values"), JsonNode::asText),
                        text(p, "location"), time(p, "creationTime"))),
                text(node, "crawler"), time(node, "createTime"), time(node, "updateTime"));
    }

    private static GlueCrawler crawler(JsonNode node) {
        GlueCrawler.Definition definition = new GlueCrawler.Definition(text(node, "name"), text(node, "role"),
                text(node, "database"), list(node.required("s3Targets"), JsonNode::asText), text(node, "tablePrefix"),
                text(node, "schedule"), text(node, "description"));
        JsonNode last = node.required("lastCrawl");
        GlueCrawler.LastCrawl lastCrawl = last.isNull() ? null : new GlueCrawler.LastCrawl(text(last, "status"),
                last.required("errorMessage").textValue(), time(last, "startTime"), text(last, "messagePrefix"));
        // the state is not saved: a crawl the process did not finish never happened, and its crawler is READY
        return new GlueCrawler(definition, time(node, "creationTime"), "READY", null, lastCrawl,
                list(node.required("runtimes"), r -> Duration.parse(r.asText())),
                node.required("tablesCreated").asInt(), node.required("tablesUpdated").asInt());
    }

    private static String text(JsonNode node, String field) {
        return node.required(field).asText();
    }

    private static Instant time(JsonNode node, String field) {
        return Instant.parse(text(node, field));
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> item) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("expected an array, found " + array);
        }
        List<T> items = new ArrayList<>();
        array.forEach(n -> items.add(item.apply(n)));
        return List.copyOf(items);
    }
}
