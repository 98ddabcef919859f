package trinocheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import reports.ResultTable;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * Gives Trino's Hive catalog the tables the crawler put in the Glue database, as Athena sees them: the same
 * columns and types, partition keys and location, as external tables over the lake's files. Trino then finds
 * the partitions itself in the dt= folders (sync_partition_metadata), as MSCK REPAIR TABLE would.
 */
final class TrinoLakeTables {

    /** Athena reads the Glue catalog's Hive types as these Trino types; the others are spelled the same. */
    private static final Map<String, String> TRINO_OF_HIVE = Map.of(
            "string", "varchar",
            "int", "integer",
            "float", "real",
            "binary", "varbinary",
            "timestamp", "timestamp(3)");

    /** Trino's name of the format the crawler classified, by the classification it recorded. */
    private static final Map<String, String> FORMAT_OF_CLASSIFICATION = Map.of(
            "parquet", "PARQUET",
            "json", "OPENX_JSON");

    private TrinoLakeTables() {
    }

    /** @return a line per table: its name and how many partitions Trino found */
    static List<String> copy(GlueClient glue, String database, TrinoStatements trino)
            throws QueryFailedException, InterruptedException {
        List<Table> tables = glue.getTablesPaginator(r -> r.databaseName(database)).stream()
                .flatMap(page -> page.tableList().stream()).toList();
        if (tables.isEmpty()) {
            throw new IllegalStateException("the Glue database " + database + " has no tables: has the crawler run?");
        }
        trino.run("CREATE SCHEMA " + TrinoConfig.CATALOG + "." + name(database));
        List<String> created = new ArrayList<>();
        for (Table table : tables) {
            trino.run(createTable(database, table));
            String partitions = "";
            if (!table.partitionKeys().isEmpty()) {
                trino.run("CALL " + TrinoConfig.CATALOG + ".system.sync_partition_metadata(" + literal(database) + ", "
                        + literal(table.name()) + ", 'FULL')");
                ResultTable count = trino.run("SELECT count(*) FROM " + name(table.name() + "$partitions"));
                partitions = ", " + count.rows().get(0).get(0) + " partitions";
            }
            created.add(database + "." + table.name() + " on " + TrinoConfig.location(table.storageDescriptor().location())
                    + partitions);
        }
        return created;
    }

    private static String createTable(String database, Table table) {
        List<Column> columns = new ArrayList<>(table.storageDescriptor().columns());
        columns.addAll(table.partitionKeys()); // Trino wants the partition columns last, as Glue lists them
        String classification = table.parameters().getOrDefault("classification", "");
        String format = FORMAT_OF_CLASSIFICATION.get(classification);
        if (format == null) {
            throw new IllegalStateException("table " + table.name() + " is classified '" + classification
                    + "'; the check reads " + FORMAT_OF_CLASSIFICATION.keySet() + " lakes");
        }
        return "CREATE TABLE " + TrinoConfig.CATALOG + "." + name(database) + "." + name(table.name()) + " ("
                + columns.stream().map(c -> name(c.name()) + " " + trinoType(c.type())).collect(Collectors.joining(", "))
                + ") WITH (format = " + literal(format)
                + (table.partitionKeys().isEmpty() ? ""
                        : ", partitioned_by = ARRAY[" + table.partitionKeys().stream().map(c -> literal(c.name()))
                                .collect(Collectors.joining(", ")) + "]")
                + ", external_location = " + literal(TrinoConfig.location(table.storageDescriptor().location())) + ")";
    }

    private static String trinoType(String hiveType) {
        String type = hiveType.toLowerCase(Locale.ROOT);
        return TRINO_OF_HIVE.getOrDefault(type, type);
    }

    private static String name(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
