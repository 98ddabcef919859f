package local.aws;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The Glue operations the pipeline and a user at the aws CLI need: databases, crawlers, tables, partitions. */
final class GlueApi implements AwsService {

    private static final String INVALID = "InvalidInputException";
    private static final String CATALOG_ID = "000000000000";
    /** AWS's limit on the partitions of one BatchCreatePartition. */
    private static final int MAX_NEW_PARTITIONS = 100;

    private final GlueCrawlers crawlers;
    private final GlueCatalog catalog;
    private final S3Folders lake;

    GlueApi(GlueCrawlers crawlers, S3Folders lake) {
        this.crawlers = crawlers;
        this.catalog = crawlers.catalog();
        this.lake = lake;
    }

    @Override
    public String targetPrefix() {
        return "AWSGlue";
    }

    @Override
    public JsonNode call(String operation, JsonNode request) {
        return switch (operation) {
            case "CreateDatabase" -> createDatabase(request);
            case "GetDatabase" -> Json.object().set("Database", database(catalog.database(Members.required(request, "Name", INVALID))));
            case "GetDatabases" -> getDatabases(request);
            case "CreateCrawler" -> createCrawler(request);
            case "StartCrawler" -> startCrawler(request);
            case "GetCrawler" -> Json.object().set("Crawler", crawler(crawlers.crawler(Members.required(request, "Name", INVALID))));
            case "GetCrawlers" -> getCrawlers(request);
            case "GetCrawlerMetrics" -> getCrawlerMetrics(request);
            case "GetTable" -> getTable(request);
            case "GetTables" -> getTables(request);
            case "GetPartitions" -> getPartitions(request);
            case "BatchCreatePartition" -> batchCreatePartition(request);
            default -> throw AwsService.unknownOperation(targetPrefix() + "." + operation);
        };
    }

    private JsonNode createDatabase(JsonNode request) {
        JsonNode input = Members.structure(request, "DatabaseInput");
        catalog.createDatabase(Members.required(input, "Name", INVALID), Members.text(input, "Description", ""));
        return Json.object();
    }

    private JsonNode getDatabases(JsonNode request) {
        Page<GlueCatalog.Database> page = Page.of(catalog.databases(), request, 100, 100, INVALID);
        return page.response("DatabaseList", GlueApi::database);
    }

    private static ObjectNode database(GlueCatalog.Database database) {
        ObjectNode node = Json.object().put("Name", database.name()).put("CatalogId", CATALOG_ID)
                .put("CreateTime", Json.time(database.createTime()));
        if (!database.description().isEmpty()) {
            node.put("Description", database.description());
        }
        return node;
    }

    private JsonNode createCrawler(JsonNode request) {
        List<String> paths = new ArrayList<>();
        Members.structures(Members.structure(request, "Targets"), "S3Targets")
                .forEach(t -> paths.add(Members.required(t, "Path", INVALID)));
        crawlers.create(new GlueCrawler.Definition(Members.required(request, "Name", INVALID),
                Members.required(request, "Role", INVALID), Members.required(request, "DatabaseName", INVALID),
                List.copyOf(paths), Members.text(request, "TablePrefix", ""), Members.text(request, "Schedule", ""),
                Members.text(request, "Description", "")));
        return Json.object();
    }

    private JsonNode startCrawler(JsonNode request) {
        crawlers.start(Members.required(request, "Name", INVALID));
        return Json.object();
    }

    private JsonNode getCrawlers(JsonNode request) {
        Page<GlueCrawler> page = Page.of(crawlers.crawlers(), request, 100, 1000, INVALID);
        return page.response("Crawlers", GlueApi::crawler);
    }

    private static ObjectNode crawler(GlueCrawler crawler) {
        GlueCrawler.Definition definition = crawler.definition();
        ArrayNode s3Targets = Json.array();
        definition.s3Targets().forEach(p -> s3Targets.addObject().put("Path", p).putArray("Exclusions"));
        ObjectNode node = Json.object().put("Name", definition.name()).put("Role", definition.role())
                .put("DatabaseName", definition.database()).put("State", crawler.state())
                .put("CrawlElapsedTime", crawler.crawlStart() == null ? 0
                        : Duration.between(crawler.crawlStart(), Instant.now()).toMillis())
                .put("CreationTime", Json.time(crawler.creationTime()))
                .put("LastUpdated", Json.time(crawler.creationTime()))
                .put("Version", 1);
        node.putObject("Targets").set("S3Targets", s3Targets);
        node.putObject("SchemaChangePolicy").put("UpdateBehavior", "UPDATE_IN_DATABASE").put("DeleteBehavior", "LOG");
        if (!definition.tablePrefix().isEmpty()) {
            node.put("TablePrefix", definition.tablePrefix());
        }
        if (!definition.description().isEmpty()) {
            node.put("Description", definition.description());
        }
        if (!definition.schedule().isEmpty()) {
            node.putObject("Schedule").put("ScheduleExpression", definition.schedule()).put("State", "SCHEDULED");
        }
        GlueCrawler.LastCrawl last = crawler.lastCrawl();
        if (last != null) {
            ObjectNode lastCrawl = node.putObject("LastCrawl").put("Status", last.status())
                    .put("StartTime", Json.time(last.startTime()))
                    .put("LogGroup", "/aws-glue/crawlers").put("LogStream", definition.name())
                    .put("MessagePrefix", last.messagePrefix());
            if (last.errorMessage() != null) {
                lastCrawl.put("ErrorMessage", last.errorMessage());
            }
        }
        return node;
    }

    private JsonNode getCrawlerMetrics(JsonNode request) {
        List<String> names = Members.texts(request, "CrawlerNameList");
        List<GlueCrawler> chosen = new ArrayList<>();
        if (names.isEmpty()) {
            chosen.addAll(crawlers.crawlers());
        } else {
            names.forEach(name -> chosen.add(crawlers.crawler(name)));
        }
        Page<GlueCrawler> page = Page.of(chosen, request, 100, 1000, INVALID);
        ArrayNode list = Json.array();
        for (GlueCrawler crawler : page.items()) {
            list.addObject().put("CrawlerName", crawler.name()).put("TimeLeftSeconds", 0.0)
                    .put("StillEstimating", false)
                    .put("LastRuntimeSeconds", crawler.lastRuntime().toMillis() / 1000.0)
                    .put("MedianRuntimeSeconds", crawler.medianRuntime().toMillis() / 1000.0)
                    .put("TablesCreated", crawler.tablesCreated()).put("TablesUpdated", crawler.tablesUpdated())
                    .put("TablesDeleted", 0);
        }
        ObjectNode response = Json.object().set("CrawlerMetricsList", list);
        page.addTokenTo(response);
        return response;
    }

    private JsonNode getTable(JsonNode request) {
        GlueTable table = catalog.table(Members.required(request, "DatabaseName", INVALID), Members.required(request, "Name", INVALID));
        return Json.object().set("Table", table(table));
    }

    private JsonNode getTables(JsonNode request) {
        List<GlueTable> tables = catalog.tables(Members.required(request, "DatabaseName", INVALID));
        String expression = Members.text(request, "Expression", "");
        if (!expression.isEmpty()) {
            Pattern pattern = namePattern(expression);
            tables = tables.stream().filter(t -> pattern.matcher(t.name()).matches()).toList();
        }
        Page<GlueTable> page = Page.of(tables, request, 100, 100, INVALID);
        return page.response("TableList", GlueApi::table);
    }

    /** Glue's Expression is a regular expression over table names, where people also write us_* meaning a wildcard. */
    private static Pattern namePattern(String expression) {
        try {
            return Pattern.compile(expression.replaceAll("(?<!\\.)\\*", ".*"), Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new AwsError(INVALID, "Expression is not a valid pattern: " + expression);
        }
    }

    private JsonNode getPartitions(JsonNode request) {
        GlueTable table = catalog.table(Members.required(request, "DatabaseName", INVALID),
                Members.required(request, "TableName", INVALID));
        Page<GlueTable.Partition> page = Page.of(table.partitions(), request, 1000, 1000, INVALID);
        ArrayNode list = Json.array();
        for (GlueTable.Partition partition : page.items()) {
            ObjectNode node = list.addObject();
            ArrayNode values = node.putArray("Values");
            partition.values().forEach(values::add);
            node.put("DatabaseName", table.database()).put("TableName", table.name()).put("CatalogId", CATALOG_ID)
                    .put("CreationTime", Json.time(partition.creationTime()))
                    .put("LastAccessTime", Json.time(partition.creationTime()))
                    .set("StorageDescriptor", storage(table, partition.location()));
            node.putObject("Parameters");
        }
        ObjectNode response = Json.object().set("Partitions", list);
        page.addTokenTo(response);
        return response;
    }

    /**
     * Of each partition's storage descriptor only the location counts: the emulator reads a partition as its table's
     * format, as the pipeline's partitions copy their table's descriptor.
     */
    private JsonNode batchCreatePartition(JsonNode request) {
        Members.text(request, "CatalogId", CATALOG_ID); // checked for its type only: there is one catalog
        String database = Members.required(request, "DatabaseName", INVALID);
        String table = Members.required(request, "TableName", INVALID);
        List<JsonNode> inputs = Members.requiredStructures(request, "PartitionInputList", INVALID);
        if (inputs.size() > MAX_NEW_PARTITIONS) {
            throw new AwsError(INVALID, "1 validation error detected: Value at 'partitionInputList' failed to satisfy "
                    + "constraint: Member must have length less than or equal to " + MAX_NEW_PARTITIONS);
        }
        Instant now = Instant.now();
        List<GlueTable.Partition> partitions = new ArrayList<>();
        for (JsonNode input : inputs) {
            String location = Members.required(Members.structure(input, "StorageDescriptor"), "Location", INVALID);
            partitions.add(new GlueTable.Partition(Members.texts(input, "Values"), inLake(location), now));
        }
        ArrayNode errors = Json.array();
        for (List<String> values : catalog.addPartitions(database, table, partitions)) {
            ObjectNode error = errors.addObject();
            values.forEach(error.putArray("PartitionValues")::add);
            error.putObject("ErrorDetail").put("ErrorCode", "AlreadyExistsException")
                    .put("ErrorMessage", "Partition already exists.");
        }
        return Json.object().set("Errors", errors);
    }

    /** A location the query engine can read: Athena would fail only that table's queries, the emulator all of them. */
    private String inLake(String location) {
        try {
            lake.folder(location);
            return location;
        } catch (IllegalArgumentException e) {
            throw new AwsError(INVALID, "StorageDescriptor.Location: " + e.getMessage());
        }
    }

    private static ObjectNode table(GlueTable table) {
        ObjectNode node = Json.object().put("Name", table.name()).put("DatabaseName", table.database())
                .put("CatalogId", CATALOG_ID).put("Owner", "owner")
                .put("CreateTime", Json.time(table.createTime())).put("UpdateTime", Json.time(table.updateTime()))
                .put("LastAccessTime", Json.time(table.updateTime())).put("Retention", 0)
                .put("TableType", "EXTERNAL_TABLE").put("CreatedBy", "local-glue-crawler").put("IsRegisteredWithLakeFormation", false)
                .put("VersionId", "1");
        node.set("StorageDescriptor", storage(table, table.location()));
        node.set("PartitionKeys", columns(table.partitionKeys().stream().map(k -> new Column(k, "string")).toList()));
        ObjectNode parameters = node.putObject("Parameters");
        Map.of("classification", table.format().classification,
                "typeOfData", "file",
                "UPDATED_BY_CRAWLER", table.crawler(),
                "CrawlerSchemaSerializerVersion", "1.0",
                "CrawlerSchemaDeserializerVersion", "1.0").forEach(parameters::put);
        return node;
    }

    private static ObjectNode storage(GlueTable table, String location) {
        LakeFormat format = table.format();
        ObjectNode storage = Json.object();
        storage.set("Columns", columns(table.columns()));
        storage.put("Location", location).put("InputFormat", format.inputFormat).put("OutputFormat", format.outputFormat)
                .put("Compressed", false).put("NumberOfBuckets", -1)
                .put("StoredAsSubDirectories", false);
        storage.putObject("SerdeInfo").put("SerializationLibrary", format.serde).putObject("Parameters");
        storage.putArray("BucketColumns");
        storage.putArray("SortColumns");
        storage.putObject("Parameters").put("classification", format.classification);
        return storage;
    }

    private static ArrayNode columns(List<Column> columns) {
        ArrayNode list = Json.array();
        columns.forEach(c -> list.addObject().put("Name", c.name()).put("Type", c.type()));
        return list;
    }
}
