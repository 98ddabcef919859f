package scheduling;

import java.time.Duration;
import java.util.regex.Pattern;

import org.apache.camel.util.TimeUtils;
import org.quartz.CronExpression;

/**
 * When a scheduled route fires, from one property: an interval ({@code 30m}, {@code 1h30m}, {@code PT6H}) or
 * a cron expression, either Quartz's six or seven fields ({@code 0 0 6 * * ?}) or Unix's five ({@code 0 6 * * *}).
 * Cron times are UTC.
 */
public record Schedule(Duration interval, String cron) {

    /** A weekday number of a Unix cron field: not a step after '/'. */
    private static final Pattern UNIX_WEEKDAY = Pattern.compile("(?<![/#\\d])\\d+");

    public static Schedule parse(String property, String value) {
        String text = value.strip();
        if (text.isEmpty()) {
            throw invalid(property, value);
        }
        String[] fields = text.split("\\s+");
        if (fields.length == 1) {
            return new Schedule(interval(property, value, text), null);
        }
        String quartz = fields.length == 5 ? fromUnix(fields) : String.join(" ", fields);
        if (!CronExpression.isValidExpression(quartz)) {
            throw invalid(property, value);
        }
        return new Schedule(null, quartz);
    }

    public boolean isCron() {
        return cron != null;
    }

    private static Duration interval(String property, String value, String text) {
        try {
            long millis = text.toUpperCase().startsWith("PT")
                    ? Duration.parse(text).toMillis()
                    : TimeUtils.toMilliSeconds(text);
            if (millis <= 0) {
                throw invalid(property, value);
            }
            return Duration.ofMillis(millis);
        } catch (RuntimeException e) {
            throw invalid(property, value);
        }
    }

    /**
     * Quartz wants seconds first, a '?' in one of the two day fields, and counts weekdays from Sunday = 1
     * where Unix counts from Sunday = 0 (or 7).
     */
    private static String fromUnix(String[] f) {
        String dayOfMonth = f[2];
        String dayOfWeek = f[4].equals("0-7") || f[4].equals("0-6") || f[4].equals("1-7") ? "*"
                : UNIX_WEEKDAY.matcher(f[4]).replaceAll(m -> Integer.toString(Integer.parseInt(m.group()) % 7 + 1));
        if (dayOfWeek.equals("*")) {
            dayOfWeek = "?";
        } else if (dayOfMonth.equals("*")) {
            dayOfMonth = "?";
        }
        return String.join(" ", "0", f[0], f[1], dayOfMonth, f[3], dayOfWeek);
    }

    private static IllegalArgumentException invalid(String property, String value) {
        return new IllegalArgumentException(property + " must be an interval (30m, 1h, PT6H) or a cron expression "
                + "(0 6 * * * or 0 0 6 * * ?), was '" + value + "'");
    }
}
