package lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ObjectKeysTest {

    @Test
    void keysAreDatePartitionedAndNamedByTopicPartitionAndPaddedOffset() {
        ObjectKeys keys = new ObjectKeys("lake/", "covid.us-counties");
        assertThat(keys.key(LocalDate.of(2023, 1, 2), 1, 12345, "parquet"))
                .isEqualTo("lake/us_counties/dt=2023-01-02/covid.us-counties+1+0000012345.parquet");
        assertThat(keys.tableFolder()).isEqualTo("lake/us_counties/");
    }

    @Test
    void anEmptyPrefixPutsTheTableAtTheBucketRoot() {
        assertThat(new ObjectKeys("", "t").key(LocalDate.of(2023, 1, 2), 0, 0, "jsonl.gz"))
                .isEqualTo("us_counties/dt=2023-01-02/t+0+0000000000.jsonl.gz");
    }
}
