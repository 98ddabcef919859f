package reports;

import java.time.LocalDate;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The 7-day average of daily new counts, which smooths out the weekly rhythm of reporting (few reports at weekends,
 * many on Mondays). A day has an average only when it and the 6 calendar days before it all have a value: the first
 * day of the data has none (nothing to subtract), and a missing day would make a 6-day figure look like a 7-day one.
 */
final class SevenDayAverage {

    static final int DAYS = 7;

    private SevenDayAverage() {
    }

    /** @param daily new counts by day; a null value is a day without one */
    static SortedMap<LocalDate, Double> of(SortedMap<LocalDate, Long> daily) {
        SortedMap<LocalDate, Double> averages = new TreeMap<>();
        for (LocalDate day : daily.keySet()) {
            long sum = 0;
            int days = 0;
            for (; days < DAYS; days++) {
                Long value = daily.get(day.minusDays(days));
                if (value == null) {
                    break;
                }
                sum += value;
            }
            if (days == DAYS) {
                averages.put(day, sum / (double) DAYS);
            }
        }
        return averages;
    }
}
