package local.aws;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** The Athena operations of running a query and reading its results, over the local query executions. */
final class AthenaApi implements AwsService {

    private static final String INVALID = "InvalidRequestException";
    private static final int MAX_RESULTS = 1000;
    private static final int MAX_QUERY_LENGTH = 262144;

    private final AthenaQueries queries;

    AthenaApi(AthenaQueries queries) {
        this.queries = queries;
    }

    static AwsError invalidRequest(String message) {
        return new AwsError(INVALID, message).with("AthenaErrorCode", "INVALID_INPUT");
    }

    @Override
    public String targetPrefix() {
        return "AmazonAthena";
    }

    @Override
    public JsonNode call(String operation, JsonNode request) {
        return switch (operation) {
            case "StartQueryExecution" -> startQueryExecution(request);
            case "GetQueryExecution" -> Json.object().set("QueryExecution", execution(queries.execution(id(request))));
            case "BatchGetQueryExecution" -> batchGetQueryExecution(request);
            case "GetQueryResults" -> getQueryResults(request);
            case "StopQueryExecution" -> {
                queries.stop(id(request));
                yield Json.object();
            }
            case "ListQueryExecutions" -> listQueryExecutions(request);
            case "GetWorkGroup" -> getWorkGroup(request);
            default -> throw AwsService.unknownOperation(targetPrefix() + "." + operation);
        };
    }

    private JsonNode startQueryExecution(JsonNode request) {
        String query = Members.required(request, "QueryString", INVALID);
        if (query.length() > MAX_QUERY_LENGTH) {
            throw invalidRequest("1 validation error detected: Value at 'queryString' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + MAX_QUERY_LENGTH);
        }
        String location = Members.text(Members.structure(request, "ResultConfiguration"), "OutputLocation", "");
        if (location.isEmpty()) {
            throw invalidRequest("No output location provided. An output location is required either through the "
                    + "Workgroup result configuration setting or as an API input.");
        }
        if (!location.matches("s3://[^/]+(/.*)?")) {
            throw invalidRequest("outputLocation is not a valid S3 path. Provided " + location);
        }
        JsonNode context = Members.structure(request, "QueryExecutionContext");
        String id = queries.start(query, Members.text(context, "Database", "default"),
                Members.text(context, "Catalog", "AwsDataCatalog"), workGroup(request), location,
                Members.text(request, "ClientRequestToken", null));
        return Json.object().put("QueryExecutionId", id);
    }

    private JsonNode batchGetQueryExecution(JsonNode request) {
        ArrayNode found = Json.array();
        ArrayNode unprocessed = Json.array();
        for (String id : Members.texts(request, "QueryExecutionIds")) {
            try {
                found.add(execution(queries.execution(id)));
            } catch (AwsError e) {
                unprocessed.addObject().put("QueryExecutionId", id).put("ErrorCode", "INVALID_INPUT")
                        .put("ErrorMessage", e.getMessage());
            }
        }
        ObjectNode response = Json.object();
        response.set("QueryExecutions", found);
        response.set("UnprocessedQueryExecutionIds", unprocessed);
        return response;
    }

    private JsonNode getQueryResults(JsonNode request) {
        QueryExecution.Status status = queries.execution(id(request)).status();
        if (!status.done()) {
            throw invalidRequest("Query has not yet finished. Current state: " + status.state());
        }
        if (!status.state().equals("SUCCEEDED")) {
            throw invalidRequest("Query did not finish successfully. Final query state: " + status.state());
        }
        int maxResults = Members.integer(request, "MaxResults", MAX_RESULTS);
        if (maxResults < 1 || maxResults > MAX_RESULTS) {
            throw invalidRequest("1 validation error detected: Value '" + maxResults
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000");
        }
        QueryResult result = status.result();
        // as Athena does, the first page starts with the column names as a row
        List<List<String>> rows = new ArrayList<>(result.rows().size() + 1);
        rows.add(result.header());
        rows.addAll(result.rows());
        Page<List<String>> page = Page.of(rows, request, MAX_RESULTS, MAX_RESULTS, INVALID);
        ArrayNode rowNodes = Json.array();
        for (List<String> row : page.items()) {
            ArrayNode data = rowNodes.addObject().putArray("Data");
            row.forEach(value -> {
                ObjectNode datum = data.addObject();
                if (value != null) {
                    datum.put("VarCharValue", value);
                }
            });
        }
        ObjectNode response = Json.object().put("UpdateCount", 0);
        ObjectNode resultSet = response.putObject("ResultSet");
        resultSet.set("Rows", rowNodes);
        resultSet.putObject("ResultSetMetadata").set("ColumnInfo", columnInfo(result.columns()));
        page.addTokenTo(response);
        return response;
    }

    private static ArrayNode columnInfo(List<ResultColumn> columns) {
        ArrayNode info = Json.array();
        for (ResultColumn column : columns) {
            info.addObject().put("CatalogName", "hive").put("SchemaName", "").put("TableName", "")
                    .put("Name", column.name()).put("Label", column.name()).put("Type", column.type())
                    .put("Precision", column.precision()).put("Scale", column.scale())
                    .put("Nullable", "UNKNOWN").put("CaseSensitive", column.caseSensitive());
        }
        return info;
    }

    private JsonNode listQueryExecutions(JsonNode request) {
        List<String> ids = queries.list(workGroup(request)).stream().map(e -> e.request().id()).toList();
        Page<String> page = Page.of(ids, request, 50, 50, INVALID);
        return page.response("QueryExecutionIds", TextNode::valueOf);
    }

    /** Any workgroup exists locally, with no result location of its own and engine version 3. */
    private static JsonNode getWorkGroup(JsonNode request) {
        ObjectNode workGroup = Json.object().put("Name", Members.required(request, "WorkGroup", INVALID))
                .put("State", "ENABLED").put("CreationTime", Json.time(Instant.EPOCH));
        workGroup.putObject("Configuration").put("EnforceWorkGroupConfiguration", false)
                .putObject("EngineVersion").put("SelectedEngineVersion", "AUTO")
                .put("EffectiveEngineVersion", "Athena engine version 3");
        return Json.object().set("WorkGroup", workGroup);
    }

    private static ObjectNode execution(QueryExecution execution) {
        QueryExecution.Request request = execution.request();
        QueryExecution.Status status = execution.status();
        ObjectNode node = Json.object().put("QueryExecutionId", request.id()).put("Query", request.query())
                .put("StatementType", "DML").put("WorkGroup", request.workGroup());
        node.putObject("ResultConfiguration").put("OutputLocation", request.outputLocation());
        node.putObject("ResultReuseConfiguration").putObject("ResultReuseByAgeConfiguration").put("Enabled", false);
        node.putObject("QueryExecutionContext").put("Database", request.database()).put("Catalog", request.catalog());
        ObjectNode statusNode = node.putObject("Status").put("State", status.state())
                .put("SubmissionDateTime", Json.time(status.submitted()));
        if (status.done()) {
            statusNode.put("CompletionDateTime", Json.time(status.completed()));
        }
        if (status.state().equals("CANCELLED")) {
            statusNode.put("StateChangeReason", "Query was cancelled by the user");
        }
        AthenaFailure failure = status.failure();
        if (failure != null) {
            statusNode.put("StateChangeReason", failure.message());
            statusNode.putObject("AthenaError").put("ErrorCategory", failure.category()).put("ErrorType", failure.type())
                    .put("Retryable", false).put("ErrorMessage", failure.message());
        }
        node.set("Statistics", statistics(status));
        node.putObject("EngineVersion").put("SelectedEngineVersion", "AUTO")
                .put("EffectiveEngineVersion", "Athena engine version 3");
        return node;
    }

    private static ObjectNode statistics(QueryExecution.Status status) {
        Instant end = status.done() ? status.completed() : Instant.now();
        Instant started = status.started() == null ? end : status.started();
        ObjectNode statistics = Json.object()
                .put("EngineExecutionTimeInMillis", Duration.between(started, end).toMillis())
                .put("DataScannedInBytes", status.scannedBytes())
                .put("TotalExecutionTimeInMillis", Duration.between(status.submitted(), end).toMillis())
                .put("QueryQueueTimeInMillis", Duration.between(status.submitted(), started).toMillis())
                .put("ServicePreProcessingTimeInMillis", 0)
                .put("QueryPlanningTimeInMillis", 0)
                .put("ServiceProcessingTimeInMillis", 0);
        statistics.putObject("ResultReuseInformation").put("ReusedPreviousResult", false);
        return statistics;
    }

    private static String id(JsonNode request) {
        return Members.required(request, "QueryExecutionId", INVALID);
    }

    private static String workGroup(JsonNode request) {
        return Members.text(request, "WorkGroup", "primary");
    }
}
