package covid;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Validates the six columns of a county record. The data's real quirks are valid: empty fips,
 * empty deaths, counts that go down from one day to the next.
 */
public final class CountyRowParser {

    public static final List<String> COLUMNS = List.of("date", "county", "state", "fips", "cases", "deaths");

    // dates repeat for thousands of rows in a row: parse each distinct one once
    private String lastDateText;
    private LocalDate lastDate;

    /** Column names the header lacks, in the order of {@link #COLUMNS}; empty when all are there. */
    public static List<String> missingColumns(Set<String> header) {
        return COLUMNS.stream().filter(c -> !header.contains(c)).toList();
    }

    /**
     * @param values the record's fields in {@link #COLUMNS} order, or null when the record does not
     *               have one field per header column
     * @param raw    the record as text, asked for only when it is rejected
     */
    public ParsedRow parse(long line, List<String> values, int fieldCount, Supplier<String> raw) {
        if (values == null) {
            return new RowRejection(line, raw.get(), "expected " + COLUMNS.size() + " columns, found " + fieldCount);
        }
        try {
            LocalDate date = date(values.get(0));
            String county = required("county", values.get(1));
            String state = required("state", values.get(2));
            String fips = fips(values.get(3));
            long cases = count("cases", values.get(4));
            String deathsText = values.get(5).trim();
            Long deaths = deathsText.isEmpty() ? null : count("deaths", deathsText);
            return new CountyRow(line, date, county, state, fips, cases, deaths);
        } catch (InvalidField e) {
            return new RowRejection(line, raw.get(), e.getMessage());
        }
    }

    private LocalDate date(String text) {
        String t = text.trim();
        if (!t.equals(lastDateText)) {
            try {
                lastDate = LocalDate.parse(t);
            } catch (DateTimeParseException e) {
                throw new InvalidField("date is not a yyyy-mm-dd date: '" + t + "'");
            }
            lastDateText = t;
        }
        return lastDate;
    }

    private static String required(String column, String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new InvalidField(column + " is empty");
        }
        return t;
    }

    /** Spreadsheet re-exports drop the leading zeros of fips codes; the lake keeps all five digits. */
    private static String fips(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        if (t.length() > 5 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidField("fips is not a code of up to 5 digits: '" + t + "'");
        }
        return "00000".substring(t.length()) + t;
    }

    private static long count(String column, String text) {
        String t = text.trim();
        long value;
        try {
            value = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new InvalidField(column + " is not a whole number: '" + t + "'");
        }
        if (value < 0) {
            throw new InvalidField(column + " is negative: " + value);
        }
        return value;
    }

    private static final class InvalidField extends RuntimeException {
        InvalidField(String message) {
            super(message, null, false, false);
        }
    }
}
