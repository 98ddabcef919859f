package covid;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** The JSON form of a row on the topic: {@code {"date":..,"county":..,"state":..,"fips":..,"cases":..,"deaths":..}}. */
public final class CountyJson {

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
