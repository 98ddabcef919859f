package aws;

import static org.assertj.core.api.Assertions.assertThat;

import covid.CountyRow;
import lake.ObjectKeys;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import support.SampleCsv;
import support.TestAws;

class GluePartitionsTest {

    private static final LocalDate FIRST = LocalDate.of(2023, 1, 1);

    @Test
    void datesStoredBeforeTheFirstCrawlAreRegisteredWithTheNextBatch() throws Exception {
        try (TestAws aws = new TestAws(Duration.ZERO)) {
            GluePartitions partitions = new GluePartitions(aws.glue, "covid", TestAws.BUCKET, new ObjectKeys("lake", "covid.us-counties"));
            // stored while the first crawl, which makes the table, was still to come
            partitions.register(List.of(FIRST.plusDays(1)));
            aws.putLake(rowsOf(FIRST));
            aws.crawl("covid");
            aws.putLake(rowsOf(FIRST.plusDays(1)));
            aws.putLake(rowsOf(FIRST.plusDays(2)));

            partitions.register(List.of(FIRST.plusDays(2)));

            assertThat(aws.glue.getPartitions(r -> r.databaseName("covid").tableName(ObjectKeys.TABLE)).partitions())
                    .extracting(p -> p.values().get(0))
                    .containsExactlyInAnyOrder(FIRST.toString(), FIRST.plusDays(1).toString(), FIRST.plusDays(2).toString());
        }
    }

    private static List<CountyRow> rowsOf(LocalDate date) {
        return SampleCsv.rows().stream().filter(r -> r.date().equals(date)).toList();
    }
}
