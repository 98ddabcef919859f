package local.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SELECT behind a catalog table's DuckDB view: the files of its registered partitions only (Athena sees
 * no other), its columns then its partition keys as strings. A table without data yet has no rows but
 * keeps its columns.
 */
record TableView(String select, List<Path> files) {

    static TableView of(GlueTable table, S3Folders lake) {
        List<Path> files = new ArrayList<>();
        List<String> locations = table.partitionKeys().isEmpty() ? List.of(table.location())
                : table.partitions().stream().map(GlueTable.Partition::location).toList();
        for (String location : locations) {
            S3Folders.files(lake.folder(location)).stream().filter(table.format()::holds).forEach(files::add);
        }
        List<Column> all = new ArrayList<>(table.columns());
        table.partitionKeys().forEach(k -> all.add(new Column(k, "string")));
        String names = all.stream().map(c -> Sql.name(c.name())).collect(Collectors.joining(", "));
        if (files.isEmpty()) {
            String nulls = all.stream().map(c -> "CAST(NULL AS " + HiveTypes.toDuckDb(c.type()) + ") AS " + Sql.name(c.name()))
                    .collect(Collectors.joining(", "));
            return new TableView("SELECT " + nulls + " WHERE false", List.of());
        }
        return new TableView("SELECT " + names + " FROM " + table.format().scan(files, options(table)), List.copyOf(files));
    }

    long bytes() {
        long total = 0;
        for (Path file : files) {
            try {
                total += Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return total;
    }

    private static String options(GlueTable table) {
        List<String> options = new ArrayList<>();
        if (table.format() == LakeFormat.JSON) {
            options.add(table.columns().stream()
                    .map(c -> Sql.literal(c.name()) + ": " + Sql.literal(HiveTypes.toDuckDb(c.type())))
                    .collect(Collectors.joining(", ", "columns={", "}")));
        }
        options.add("union_by_name=true");
        if (table.partitionKeys().isEmpty()) {
            options.add("hive_partitioning=false");
        } else {
            options.add("hive_partitioning=true");
            options.add(table.partitionKeys().stream().map(k -> Sql.literal(k) + ": 'VARCHAR'")
                    .collect(Collectors.joining(", ", "hive_types={", "}")));
        }
        return String.join(", ", options);
    }
}
