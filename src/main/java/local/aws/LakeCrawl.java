package local.aws;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A crawler's look at its S3 targets: each folder of data files (directly or below key=value folders)
 * is a table named after the folder, its key=value folders are partitions, and DuckDB reads the
 * files' schema. A target that is itself such a folder is one table; otherwise each folder directly
 * under the target is looked at.
 */
final class LakeCrawl {

    private final S3Folders lake;

    LakeCrawl(S3Folders lake) {
        this.lake = lake;
    }

    /** The tables under the targets; a missing target folder holds none. */
    List<CrawledTable> crawl(List<String> targets, String tablePrefix) {
        List<CrawledTable> tables = new ArrayList<>();
        for (String target : targets) {
            Path folder = lake.folder(target);
            List<Path> candidates = isTable(folder) ? List.of(folder) : S3Folders.subfolders(folder);
            for (Path candidate : candidates) {
                table(candidate, tablePrefix).ifPresent(tables::add);
            }
        }
        return tables;
    }

    private static boolean isTable(Path folder) {
        return S3Folders.files(folder).stream().anyMatch(f -> LakeFormat.of(f).isPresent())
                || S3Folders.subfolders(folder).stream().anyMatch(f -> partitionKey(f) != null);
    }

    private Optional<CrawledTable> table(Path folder, String tablePrefix) {
        List<DataFolder> found = new ArrayList<>();
        collect(folder, List.of(), List.of(), found);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        LakeFormat format = found.stream().anyMatch(d -> d.has(LakeFormat.PARQUET)) ? LakeFormat.PARQUET : LakeFormat.JSON;
        // a table's partitions share its keys; folders at another depth or with other keys are not its data
        List<String> keys = found.stream().filter(d -> d.has(format)).findFirst().orElseThrow().keys();
        List<DataFolder> data = found.stream().filter(d -> d.keys().equals(keys) && d.has(format)).toList();
        List<Path> files = data.stream().flatMap(d -> d.files(format).stream()).toList();
        List<Column> columns = schema(format, files).stream().filter(c -> !keys.contains(c.name())).toList();
        List<CrawledTable.Partition> partitions = keys.isEmpty() ? List.of()
                : data.stream().map(d -> new CrawledTable.Partition(d.values(), lake.location(d.folder()))).toList();
        return Optional.of(new CrawledTable(tableName(tablePrefix, folder), format, lake.location(folder), columns,
                keys, partitions));
    }

    private static void collect(Path folder, List<String> keys, List<String> values, List<DataFolder> found) {
        List<Path> files = S3Folders.files(folder).stream().filter(f -> LakeFormat.of(f).isPresent()).toList();
        if (!files.isEmpty()) {
            found.add(new DataFolder(folder, keys, values, files));
        }
        for (Path sub : S3Folders.subfolders(folder)) {
            String key = partitionKey(sub);
            if (key != null) {
                String name = sub.getFileName().toString();
                collect(sub, append(keys, key), append(values, name.substring(key.length() + 1)), found);
            }
        }
    }

    private static String partitionKey(Path folder) {
        String name = folder.getFileName().toString();
        int eq = name.indexOf('=');
        return eq > 0 ? name.substring(0, eq) : null;
    }

    private List<Column> schema(LakeFormat format, List<Path> files) {
        String sql = "DESCRIBE SELECT * FROM " + format.scan(files, "hive_partitioning=false, union_by_name=true");
        try (Connection duckDb = LakeDuckDb.open(lake);
             Statement statement = duckDb.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<Column> columns = new ArrayList<>();
            while (rows.next()) {
                String type = HiveTypes.ofDuckDb(rows.getString("column_type"));
                // Glue's JSON classifier keeps text as text: a date in JSON is a string column
                boolean text = format == LakeFormat.JSON && (type.equals("date") || type.equals("timestamp"));
                columns.add(new Column(rows.getString("column_name"), text ? "string" : type));
            }
            return columns;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the schema of " + files.get(0).getParent() + ": " + e.getMessage(), e);
        }
    }

    /** Glue table names are lower case letters, digits and underscores. */
    static String tableName(String prefix, Path folder) {
        String name = (prefix + folder.getFileName()).toLowerCase(Locale.ROOT);
        return name.replaceAll("[^a-z0-9_]", "_");
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> longer = new ArrayList<>(list);
        longer.add(item);
        return List.copyOf(longer);
    }

    /** A folder holding data files, with the partition keys and values of the key=value folders above it. */
    private record DataFolder(Path folder, List<String> keys, List<String> values, List<Path> files) {

        boolean has(LakeFormat format) {
            return files.stream().anyMatch(format::holds);
        }

        List<Path> files(LakeFormat format) {
            return files.stream().filter(format::holds).toList();
        }
    }
}
