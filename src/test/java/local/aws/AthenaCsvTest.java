package local.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The result CSV as Athena writes it, spelled out rather than compared with another writer. */
class AthenaCsvTest {

    @Test
    void theHeaderComesFirstAndEveryValueIsQuotedButNull() {
        String csv = AthenaCsv.of(List.of("state", "note", "cases"), List.of(
                List.of("New York", "said \"hi\", twice", "10"),
                Arrays.asList("Alabama", null, "0"),
                List.of("", "two\nlines", "-1")));

        assertThat(csv).isEqualTo("""
                "state","note","cases"
                "New York","said ""hi"", twice","10"
                "Alabama",,"0"
                "","two
                lines","-1"
                """);
    }

    @Test
    void aResultWithoutRowsIsItsHeader() {
        assertThat(AthenaCsv.of(List.of("n"), List.of())).isEqualTo("\"n\"\n");
    }
}
