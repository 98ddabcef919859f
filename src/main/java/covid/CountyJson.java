package covid;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The JSON form of a row on the topic: {@code {"date":..,"county":..,"state":..,"fips":..,"cases":..,"deaths":..}}. */
public final class CountyJson {

    private static final JsonFactory JSON = new JsonFactory();

    private CountyJson() {
    }

    public static String encode(CountyRow row) {
        StringBuilder json = new StringBuilder(112);
        json.append("{\"date\":\"").append(row.date()).append('"');
        string(json.append(",\"county\":"), row.county());
        string(json.append(",\"state\":"), row.state());
        string(json.append(",\"fips\":"), row.fips());
        json.append(",\"cases\":").append(row.cases());
        json.append(",\"deaths\":").append(row.deaths());
        return json.append('}').toString();
    }

    /**
     * Reads a message back. Fields may come in any order; unknown fields are ignored.
     *
     * @throws IllegalArgumentException with the reason, when the message is not a valid county row
     */
    public static CountyRow decode(String json) {
        if (json == null) {
            throw new IllegalArgumentException("message has no value");
        }
        String date = null;
        String county = null;
        String state = null;
        String fips = null;
        Long cases = null;
        Long deaths = null;
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("message is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "date" -> date = text(parser, value, field);
                    case "county" -> county = text(parser, value, field);
                    case "state" -> state = text(parser, value, field);
                    case "fips" -> fips = text(parser, value, field);
                    case "cases" -> cases = count(parser, value, field);
                    case "deaths" -> deaths = count(parser, value, field);
                    default -> parser.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("message is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (date == null || county == null || state == null || cases == null) {
            throw new IllegalArgumentException("message lacks date, county, state or cases: " + json);
        }
        try {
            return new CountyRow(0, LocalDate.parse(date), county, state, fips, cases, deaths);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date is not a yyyy-mm-dd date: '" + date + "'");
        }
    }

    private static String text(JsonParser parser, JsonToken value, String field) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException(field + " is not a string");
        }
        return parser.getText();
    }

    private static Long count(JsonParser parser, JsonToken value, String field) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_NUMBER_INT || parser.getLongValue() < 0) {
            throw new IllegalArgumentException(field + " is not a non-negative whole number");
        }
        return parser.getLongValue();
    }

    /** Appends a JSON string literal, or null. */
    public static StringBuilder string(StringBuilder json, String value) {
        if (value == null) {
            return json.append("null");
        }
        json.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, json);
        return json.append('"');
    }
}
