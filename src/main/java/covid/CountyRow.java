package covid;

import java.time.LocalDate;

/**
 * One county on one day: cumulative cases and deaths as the NYT publishes them.
 * {@code fips} is null for "Unknown" counties and the NYT's city aggregates; {@code deaths} is null
 * where a state does not report them (Puerto Rico).
 */
public record CountyRow(long line, LocalDate date, String county, String state, String fips, long cases, Long deaths)
        implements ParsedRow {

    /** The Kafka key: the county's fips, so a county's days stay in order on one partition. */
    public String key() {
        return fips != null ? fips : state + "|" + county;
    }
}
