package reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ReportKeysTest {

    @Test
    void eachRunHasATimestampedKeyBesideTheLatest() {
        ReportKeys keys = new ReportKeys("reports/", Clock.fixed(Instant.parse("2026-11-30T06:05:09Z"), ZoneOffset.UTC));
        assertThat(keys.run("data_quality")).isEqualTo("reports/data_quality/20261130T060509000Z.csv");
        assertThat(keys.latest("data_quality")).isEqualTo("reports/data_quality/latest.csv");
    }

    @Test
    void thePageIsBesideTheReportsAndEachRunKeepsACopy() {
        ReportKeys keys = new ReportKeys("reports", Clock.systemUTC());
        assertThat(keys.page()).isEqualTo("reports/index.html");
        assertThat(keys.pageCopy(Instant.parse("2026-11-30T06:05:09.250Z"))).isEqualTo("reports/pages/20261130T060509250Z.html");
    }

    @Test
    void aReportIsNamedAfterItsFileAndLosesItsTrailingSemicolon() {
        Report report = Report.fromFile("top_counties.sql", "SELECT 1;\n");
        assertThat(report.name()).isEqualTo("top_counties");
        assertThat(report.sql()).isEqualTo("SELECT 1");
        assertThatThrownBy(() -> Report.fromFile("top counties.sql", "SELECT 1")).hasMessageContaining("letters, digits");
        assertThatThrownBy(() -> Report.fromFile("empty.sql", " ; ")).hasMessageContaining("has no SQL");
    }
}
