package covid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CountyJsonTest {

    @Test
    void encodesTheRowAsTheTopicsMessage() {
        CountyRow row = new CountyRow(2, LocalDate.of(2023, 1, 1), "Autauga", "Alabama", "01001", 18961, 230L);
        assertThat(CountyJson.encode(row)).isEqualTo(
                "{\"date\":\"2023-01-01\",\"county\":\"Autauga\",\"state\":\"Alabama\",\"fips\":\"01001\",\"cases\":18961,\"deaths\":230}");
    }

    @Test
    void emptyFipsAndDeathsAreNull() {
        CountyRow row = new CountyRow(2, LocalDate.of(2023, 1, 1), "Unknown", "Puerto Rico", null, 5, null);
        assertThat(CountyJson.encode(row)).isEqualTo(
                "{\"date\":\"2023-01-01\",\"county\":\"Unknown\",\"state\":\"Puerto Rico\",\"fips\":null,\"cases\":5,\"deaths\":null}");
    }

    @Test
    void quotesAndBackslashesAreEscapedAndUtf8IsKept() {
        CountyRow row = new CountyRow(2, LocalDate.of(2023, 1, 1), "Doña \"Ana\"\\", "New Mexico", "35013", 1, 0L);
        assertThat(CountyJson.encode(row)).contains("\"county\":\"Doña \\\"Ana\\\"\\\\\"");
    }

    @Test
    void decodesWhatItEncodes() {
        CountyRow row = new CountyRow(0, LocalDate.of(2023, 1, 1), "Doña \"Ana\"", "New Mexico", null, 1, null);
        assertThat(CountyJson.decode(CountyJson.encode(row))).isEqualTo(row);
    }

    @Test
    void decodingNamesWhatIsWrong() {
        assertThatThrownBy(() -> CountyJson.decode("[1]")).hasMessage("message is not a JSON object");
        assertThatThrownBy(() -> CountyJson.decode("{\"date\":\"2023-01-01\"}"))
                .hasMessageStartingWith("message lacks date, county, state or cases");
        assertThatThrownBy(() -> CountyJson.decode(
                "{\"date\":\"2023-01-01\",\"county\":\"A\",\"state\":\"B\",\"cases\":-1}"))
                .hasMessage("cases is not a non-negative whole number");
        assertThatThrownBy(() -> CountyJson.decode("{\"date\":")).hasMessageStartingWith("message is not valid JSON");
    }
}
