package local.aws;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Glue Data Catalog: databases and their tables. Names are case-insensitive, kept in lower case
 * as Glue does. Thread-safe: crawls write it while queries and API calls read it. Every change is saved.
 */
final class GlueCatalog {

    /** How a crawl changed a table, for the crawler's metrics. */
    enum Change { CREATED, UPDATED, UNCHANGED }

    record Database(String name, String description, Instant createTime) {
    }

    private static final Comparator<GlueTable.Partition> PARTITION_ORDER =
            Comparator.comparing(p -> String.join("\u0000", p.values()));

    private final Map<String, Database> databases = new TreeMap<>();
    private final Map<String, Map<String, GlueTable>> tables = new TreeMap<>();
    private final GlueCatalogFile file;

    GlueCatalog(GlueCatalogFile file) {
        this.file = file;
        file.databases().forEach(d -> {
            databases.put(d.name(), d);
            tables.put(d.name(), new TreeMap<>());
        });
        file.tables().forEach(t -> tables.get(t.database()).put(t.name(), t));
        if (databases.isEmpty()) {
            createDatabase("default", "Default Hive database");
        }
    }

    synchronized void createDatabase(String name, String description) {
        String key = key(name);
        if (databases.containsKey(key)) {
            throw new AwsError("AlreadyExistsException", "Database already exists.");
        }
        databases.put(key, new Database(key, description, Instant.now()));
        tables.put(key, new TreeMap<>());
        save();
    }

    synchronized Database database(String name) {
        Database database = databases.get(key(name));
        if (database == null) {
            throw new AwsError("EntityNotFoundException", "Database " + name + " not found.");
        }
        return database;
    }

    synchronized List<Database> databases() {
        return List.copyOf(databases.values());
    }

    synchronized GlueTable table(String database, String name) {
        GlueTable table = tablesOf(database).get(key(name));
        if (table == null) {
            throw new AwsError("EntityNotFoundException", "Table " + name + " not found.");
        }
        return table;
    }

    synchronized List<GlueTable> tables(String database) {
        return List.copyOf(tablesOf(database).values());
    }

    /**
     * Records what a crawl found: a new table, or the table's new schema and new partitions. Partitions the
     * crawl no longer sees stay registered (the crawler's default LOG deletion behaviour).
     */
    synchronized Change record(String database, String crawler, CrawledTable crawled, Instant now) {
        Map<String, GlueTable> byName = tablesOf(database);
        GlueTable old = byName.get(crawled.name());
        List<GlueTable.Partition> partitions = new ArrayList<>();
        if (old != null && old.partitionKeys().equals(crawled.partitionKeys())) {
            partitions.addAll(old.partitions());
        }
        addNew(partitions, crawled.partitions().stream()
                .map(found -> new GlueTable.Partition(found.values(), found.location(), now)).toList());
        GlueTable table = new GlueTable(key(database), crawled.name(), crawled.format(), crawled.location(),
                crawled.columns(), crawled.partitionKeys(), List.copyOf(partitions), crawler,
                old == null ? now : old.createTime(), now);
        if (old != null && sameContent(old, table)) {
            return Change.UNCHANGED;
        }
        byName.put(table.name(), table);
        save();
        return old == null ? Change.CREATED : Change.UPDATED;
    }

    /**
     * Registers partitions of a table as Glue's BatchCreatePartition does: each one whose values are new; returns
     * the values of the others, registered already (or twice in {@code added}).
     */
    synchronized List<List<String>> addPartitions(String database, String name, List<GlueTable.Partition> added) {
        GlueTable table = table(database, name);
        for (GlueTable.Partition partition : added) {
            if (partition.values().size() != table.partitionKeys().size()) {
                throw new AwsError("InvalidInputException", "The number of partition keys do not match the number of "
                        + "partition values: " + table.partitionKeys() + " and " + partition.values() + ".");
            }
        }
        List<GlueTable.Partition> partitions = new ArrayList<>(table.partitions());
        List<List<String>> existing = addNew(partitions, added);
        if (existing.size() < added.size()) {
            tablesOf(database).put(table.name(), table.withPartitions(partitions));
            save();
        }
        return existing;
    }

    /**
     * Adds to {@code partitions} those of {@code found} whose values it does not have yet, keeping them in order;
     * returns the values of the others.
     */
    private static List<List<String>> addNew(List<GlueTable.Partition> partitions, List<GlueTable.Partition> found) {
        Set<List<String>> registered = new HashSet<>();
        partitions.forEach(p -> registered.add(p.values()));
        List<List<String>> existing = new ArrayList<>();
        for (GlueTable.Partition partition : found) {
            if (registered.add(partition.values())) {
                partitions.add(partition);
            } else {
                existing.add(partition.values());
            }
        }
        partitions.sort(PARTITION_ORDER);
        return existing;
    }

    private static boolean sameContent(GlueTable a, GlueTable b) {
        return a.format() == b.format() && a.location().equals(b.location()) && a.columns().equals(b.columns())
                && a.partitionKeys().equals(b.partitionKeys()) && a.partitions().equals(b.partitions());
    }

    private void save() {
        file.saveCatalog(databases.values(), tables.values().stream().flatMap(t -> t.values().stream()).toList());
    }

    private Map<String, GlueTable> tablesOf(String database) {
        database(database);
        return tables.get(key(database));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
