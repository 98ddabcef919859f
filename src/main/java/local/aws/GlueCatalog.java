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
        Set<List<String>> registered = new HashSet<>();
        if (old != null && old.partitionKeys().equals(crawled.partitionKeys())) {
            partitions.addAll(old.partitions());
            old.partitions().forEach(p -> registered.add(p.values()));
        }
        for (CrawledTable.Partition found : crawled.partitions()) {
            if (registered.add(found.values())) {
                partitions.add(new GlueTable.Partition(found.values(), found.location(), now));
            }
        }
        partitions.sort(PARTITION_ORDER);
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
