package settings;

import java.time.Duration;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;

/**
 * Reads the pipeline's properties through Camel's placeholders (application.properties, the profile, the
 * mounted files, the environment, -D), typed: a value of the wrong kind stops start-up with one line that
 * names the property, before anything has started.
 */
public final class Settings {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private final CamelContext context;

    public Settings(CamelContext context) {
        this.context = context;
    }

    /** The value as given, placeholders resolved. */
    public String text(String key) {
        return context.resolvePropertyPlaceholders("{{" + key + "}}");
    }

    public double number(String key, int least) {
        String value = text(key);
        // digits, a fraction, an exponent: Java alone would also read "10d", "0x1p3" or "Infinity"
        if (!PLAIN_NUMBER.matcher(value.strip()).matches()) {
            throw new IllegalArgumentException(key + " must be a number, was '" + value + "'");
        }
        double number = Double.parseDouble(value.strip());
        if (!(number >= least)) {
            throw new IllegalArgumentException(key + " must be >= " + least + ", was " + value.strip());
        }
        return number;
    }

    public int wholeNumber(String key, int least) {
        double number = number(key, least);
        if (number != Math.rint(number) || number > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + text(key) + "'");
        }
        return (int) number;
    }

    /** {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h30m}, {@code 1d}, or milliseconds. */
    public Duration duration(String key) {
        String value = text(key);
        return Durations.parse(value.strip()).orElseThrow(() ->
                new IllegalArgumentException(key + " must be a duration such as 30s, 10m or 1h, was '" + value + "'"));
    }

    public boolean flag(String key) {
        String value = text(key).strip();
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(key + " must be true or false, was '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }
}
