package catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CatalogSnapshotTest {

    private static final List<String> COLUMNS = List.of("date date", "county string", "cases bigint");

    @Test
    void saysWhichTablesAndPartitionsACrawlAdded() {
        CatalogSnapshot empty = new CatalogSnapshot(Map.of());
        CatalogSnapshot first = new CatalogSnapshot(Map.of("us_counties", new CatalogSnapshot.Table(COLUMNS, Set.of("2023-01-01"))));
        CatalogSnapshot second = new CatalogSnapshot(Map.of("us_counties",
                new CatalogSnapshot.Table(COLUMNS, Set.of("2023-01-01", "2023-01-02", "2023-01-03"))));

        assertThat(first.changesSince(empty)).containsExactly("table us_counties created with 3 columns, 1 partition");
        assertThat(second.changesSince(first)).containsExactly("table us_counties gained 2 partitions: 2023-01-02, 2023-01-03");
        assertThat(second.changesSince(second)).containsExactly("no changes");
        assertThat(empty.changesSince(first)).containsExactly("table us_counties deleted");
    }

    @Test
    void saysWhenTheSchemaChanged() {
        CatalogSnapshot before = new CatalogSnapshot(Map.of("t", new CatalogSnapshot.Table(COLUMNS, Set.of())));
        CatalogSnapshot after = new CatalogSnapshot(Map.of("t", new CatalogSnapshot.Table(List.of("date date"), Set.of())));
        assertThat(after.changesSince(before)).singleElement().asString().startsWith("table t columns changed");
    }
}
