package settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import support.TestProperties;

/** Reading one property as a number, a duration or a flag: a wrong value says which property and what it was. */
class SettingsTest {

    @Test
    void numbersAreCheckedForKindAndRange() {
        Settings settings = settings("a", " 2.5 ", "b", "many", "c", "-1", "d", "1.5", "e", "1e3");
        assertThat(settings.number("a", 0)).isEqualTo(2.5);
        assertThatThrownBy(() -> settings.number("b", 0)).hasMessage("b must be a number, was 'many'");
        assertThatThrownBy(() -> settings.wholeNumber("b", 0)).hasMessage("b must be a number, was 'many'");
        assertThatThrownBy(() -> settings.number("c", 0)).hasMessage("c must be >= 0, was -1");
        assertThatThrownBy(() -> settings.wholeNumber("d", 1)).hasMessage("d must be a whole number, was '1.5'");
        assertThat(settings.wholeNumber("e", 1)).isEqualTo(1000);
        Settings javaOnly = settings("suffix", "10d", "infinite", "Infinity", "hex", "0x1p3");
        for (String key : new String[] {"suffix", "infinite", "hex"}) {
            assertThatThrownBy(() -> javaOnly.number(key, 0)).hasMessageStartingWith(key + " must be a number, was '");
        }
    }

    @Test
    void durationsAreWhatThePropertiesWriteAndNothingElse() {
        Settings settings = settings("ms", "250ms", "s", "30s", "mixed", "1h30m", "day", "1d", "plain", "5000",
                "x", "x", "negative", "-5s", "trailing", "10m5", "iso", "PT5S");
        assertThat(settings.duration("ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.duration("s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.duration("mixed")).isEqualTo(Duration.ofMinutes(90));
        assertThat(settings.duration("day")).isEqualTo(Duration.ofDays(1));
        assertThat(settings.duration("plain")).isEqualTo(Duration.ofSeconds(5));
        // Camel's own parser reads each of these as 0 ms, or drops a part
        for (String key : new String[] {"x", "negative", "trailing", "iso"}) {
            assertThatThrownBy(() -> settings.duration(key)).hasMessageStartingWith(key + " must be a duration such as 30s, 10m or 1h, was '");
        }
    }

    @Test
    void flagsAreTrueOrFalse() {
        Settings settings = settings("on", "true", "off", " false", "maybe", "maybe", "yes", "yes");
        assertThat(settings.flag("on")).isTrue();
        assertThat(settings.flag("off")).isFalse();
        assertThatThrownBy(() -> settings.flag("maybe")).hasMessage("maybe must be true or false, was 'maybe'");
        assertThatThrownBy(() -> settings.flag("yes")).hasMessage("yes must be true or false, was 'yes'");
    }

    @Test
    void textIsTheValueWithItsPlaceholdersResolved() {
        assertThat(settings("local.kafka.port", "19092").text("kafka.brokers")).isEqualTo("127.0.0.1:19092");
    }

    private static Settings settings(String... keysAndValues) {
        return new Settings(TestProperties.context(keysAndValues));
    }
}
