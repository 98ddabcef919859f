package settings;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the properties write them. Parsed here rather than by Camel's {@code TimeUtils}, which reads
 * {@code x} or {@code -5s} as 0 ms without a word: a typo would become a busy loop or an instant timeout.
 */
final class Durations {

    private static final Pattern WHOLE = Pattern.compile("\\d+|(\\d+(ms|d|h|m|s))+", Pattern.CASE_INSENSITIVE);
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|d|h|m|s)", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Duration> UNITS = Map.of("ms", Duration.ofMillis(1), "s", Duration.ofSeconds(1),
            "m", Duration.ofMinutes(1), "h", Duration.ofHours(1), "d", Duration.ofDays(1));

    private Durations() {
    }

    /** The duration, or empty when the text is not one. */
    static Optional<Duration> parse(String text) {
        if (!WHOLE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            if (text.chars().allMatch(Character::isDigit)) {
                return Optional.of(Duration.ofMillis(Long.parseLong(text)));
            }
            Duration total = Duration.ZERO;
            for (Matcher part = PART.matcher(text); part.find(); ) {
                total = total.plus(UNITS.get(part.group(2).toLowerCase(Locale.ROOT)).multipliedBy(Long.parseLong(part.group(1))));
            }
            return Optional.of(total);
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
