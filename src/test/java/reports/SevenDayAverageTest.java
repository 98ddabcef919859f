package reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class SevenDayAverageTest {

    private static final LocalDate FIRST = LocalDate.parse("2021-02-05");

    @Test
    void aDayHasTheMeanOfItselfAndTheSixDaysBefore() {
        SortedMap<LocalDate, Long> daily = days(null, 10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, -7L);
        assertThat(SevenDayAverage.of(daily)).containsExactly(
                entry(7, 40.0), entry(8, (20 + 30 + 40 + 50 + 60 + 70 + 80) / 7.0), entry(9, (30 + 40 + 50 + 60 + 70 + 80 - 7) / 7.0));
    }

    @Test
    void aDayWithoutAFigureOrAMissingDayHasNoAverageForAWeek() {
        SortedMap<LocalDate, Long> daily = days(1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L);
        daily.put(FIRST.plusDays(1), null);
        daily.remove(FIRST.plusDays(9));
        assertThat(SevenDayAverage.of(daily).keySet()).containsExactly(FIRST.plusDays(8), FIRST.plusDays(16));
    }

    private static SortedMap<LocalDate, Long> days(Long... values) {
        SortedMap<LocalDate, Long> days = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            days.put(FIRST.plusDays(i), values[i]);
        }
        return days;
    }

    private static Map.Entry<LocalDate, Double> entry(int day, double mean) {
        return Map.entry(FIRST.plusDays(day), mean);
    }
}
