package covid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountyRowParserTest {

    private final CountyRowParser parser = new CountyRowParser();

    private ParsedRow parse(String... values) {
        return parser.parse(7, List.of(values), values.length, () -> String.join(",", values));
    }

    @Test
    void aFullRowIsValid() {
        assertThat(parse("2023-01-01", "Autauga", "Alabama", "01001", "18961", "230"))
                .isEqualTo(new CountyRow(7, LocalDate.of(2023, 1, 1), "Autauga", "Alabama", "01001", 18961, 230L));
    }

    @Test
    void emptyFipsIsValidAndKeyedByStateAndCounty() {
        CountyRow row = (CountyRow) parse("2023-01-01", "New York City", "New York", "", "3000000", "40000");
        assertThat(row.fips()).isNull();
        assertThat(row.key()).isEqualTo("New York|New York City");
    }

    @Test
    void emptyDeathsIsValidAsNull() {
        CountyRow row = (CountyRow) parse("2023-01-01", "Adjuntas", "Puerto Rico", "72001", "5000", "");
        assertThat(row.deaths()).isNull();
        assertThat(row.key()).isEqualTo("72001");
    }

    @Test
    void utf8NamesAndSurroundingSpacesAreKept() {
        CountyRow row = (CountyRow) parse("2023-01-01", " Doña Ana ", "New Mexico", "35013", "1", "0");
        assertThat(row.county()).isEqualTo("Doña Ana");
    }

    @Test
    void zeroCountsAreValid() {
        assertThat(parse("2023-01-01", "Loving", "Texas", "48301", "0", "0")).isInstanceOf(CountyRow.class);
    }

    @Test
    void fipsWhoseLeadingZeroWasDroppedIsPadded() {
        CountyRow row = (CountyRow) parse("2023-01-01", "Autauga", "Alabama", "1001", "1", "0");
        assertThat(row.fips()).isEqualTo("01001");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2023-13-01|Autauga|Alabama|01001|1|0|date is not a yyyy-mm-dd date: '2023-13-01'",
        "01/01/2023|Autauga|Alabama|01001|1|0|date is not a yyyy-mm-dd date: '01/01/2023'",
        "2023-01-01|Autauga|''|01001|1|0|state is empty",
        "2023-01-01|''|Alabama|01001|1|0|county is empty",
        "2023-01-01|Autauga|Alabama|01001|many|0|cases is not a whole number: 'many'",
        "2023-01-01|Autauga|Alabama|01001|''|0|cases is not a whole number: ''",
        "2023-01-01|Autauga|Alabama|01001|12.5|0|cases is not a whole number: '12.5'",
        "2023-01-01|Autauga|Alabama|01001|-3|0|cases is negative: -3",
        "2023-01-01|Autauga|Alabama|01001|3|-1|deaths is negative: -1",
        "2023-01-01|Autauga|Alabama|01001|3|x|deaths is not a whole number: 'x'",
        "2023-01-01|Autauga|Alabama|A1001|3|1|fips is not a code of up to 5 digits: 'A1001'",
    })
    void badValuesAreRejectedWithTheirReason(String date, String county, String state, String fips, String cases,
                                             String deaths, String reason) {
        ParsedRow row = parse(date, county, state, fips, cases, deaths);
        assertThat(row).isInstanceOf(RowRejection.class);
        RowRejection rejection = (RowRejection) row;
        assertThat(rejection.reason()).isEqualTo(reason);
        assertThat(rejection.line()).isEqualTo(7);
        assertThat(rejection.raw()).isEqualTo(String.join(",", date, county, state, fips, cases, deaths));
    }

    @Test
    void aRecordWithTheWrongNumberOfColumnsIsRejected() {
        ParsedRow row = parser.parse(3, null, 4, () -> "2023-01-01,Autauga,Alabama,01001");
        assertThat(row).isEqualTo(new RowRejection(3, "2023-01-01,Autauga,Alabama,01001", "expected 6 columns, found 4"));
    }

    @Test
    void theHeaderMustNameEveryColumn() {
        assertThat(CountyRowParser.missingColumns(java.util.Set.of("date", "county", "state", "fips", "cases", "deaths")))
                .isEmpty();
        assertThat(CountyRowParser.missingColumns(java.util.Set.copyOf(Arrays.asList("date", "county", "fips", "deaths"))))
                .containsExactly("state", "cases");
    }
}
