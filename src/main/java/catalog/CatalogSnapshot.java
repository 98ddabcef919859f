package catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The tables of a Glue database as a crawl leaves them: each table's columns and partitions. */
public record CatalogSnapshot(Map<String, Table> tables) {

    public record Table(List<String> columns, Set<String> partitions) {
    }

    public CatalogSnapshot {
        tables = new TreeMap<>(tables);
    }

    /** What changed since {@code before}, in words for the log; "no changes" when nothing did. */
    public List<String> changesSince(CatalogSnapshot before) {
        List<String> changes = new ArrayList<>();
        tables.forEach((name, table) -> {
            Table old = before.tables.get(name);
            if (old == null) {
                changes.add("table " + name + " created with " + count(table.columns.size(), "column") + ", "
                        + count(table.partitions.size(), "partition"));
                return;
            }
            if (!old.columns.equals(table.columns)) {
                changes.add("table " + name + " columns changed: " + old.columns + " -> " + table.columns);
            }
            Set<String> added = new TreeSet<>(table.partitions);
            added.removeAll(old.partitions);
            if (!added.isEmpty()) {
                changes.add("table " + name + " gained " + count(added.size(), "partition") + ": " + abbreviate(added));
            }
        });
        before.tables.keySet().stream().filter(name -> !tables.containsKey(name))
                .forEach(name -> changes.add("table " + name + " deleted"));
        return changes.isEmpty() ? List.of("no changes") : changes;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String abbreviate(Set<String> partitions) {
        List<String> sorted = new ArrayList<>(partitions);
        if (sorted.size() <= 4) {
            return String.join(", ", sorted);
        }
        return sorted.get(0) + ", " + sorted.get(1) + " ... " + sorted.get(sorted.size() - 1);
    }
}
