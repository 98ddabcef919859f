package reports;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The daily_new_by_state report's rows as daily series: per state, and for the whole country as the sum of the
 * states and territories the NYT reports.
 */
final class DailyNewByState {

    /** A place's new cases and new deaths by day; null on a day without a figure (the first day of the data). */
    record Daily(SortedMap<LocalDate, Long> cases, SortedMap<LocalDate, Long> deaths) {

        Daily() {
            this(new TreeMap<>(), new TreeMap<>());
        }
    }

    private final SortedMap<String, Daily> states = new TreeMap<>();

    private DailyNewByState() {
    }

    static DailyNewByState of(ResultTable table) {
        int date = table.column("date");
        int state = table.column("state");
        int cases = table.column("new_cases");
        int deaths = table.column("new_deaths");
        DailyNewByState report = new DailyNewByState();
        for (List<String> row : table.rows()) {
            Daily daily = report.states.computeIfAbsent(row.get(state), name -> new Daily());
            LocalDate day = LocalDate.parse(row.get(date));
            daily.cases().put(day, count(row.get(cases)));
            daily.deaths().put(day, count(row.get(deaths)));
        }
        return report;
    }

    boolean isEmpty() {
        return states.isEmpty();
    }

    /** The newest day of the report: its latest complete day. */
    LocalDate lastDay() {
        return states.values().stream().map(daily -> daily.cases().lastKey()).max(Comparator.naturalOrder()).orElseThrow();
    }

    Daily state(String name) {
        return states.get(name);
    }

    /** A day's figure is the sum of the states that have one; a day none has stays without. */
    Daily country() {
        Daily country = new Daily();
        for (Daily state : states.values()) {
            add(country.cases(), state.cases());
            add(country.deaths(), state.deaths());
        }
        return country;
    }

    /** The {@code most} states with the most new cases in the last {@code days} days, most first (ties by name). */
    List<String> mostNewCases(int most, int days) {
        LocalDate from = lastDay().minusDays(days - 1L);
        Map<String, Long> recent = new TreeMap<>();
        states.forEach((name, daily) -> recent.put(name, daily.cases().tailMap(from).values().stream()
                .filter(value -> value != null).mapToLong(Long::longValue).sum()));
        return recent.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(most).map(Map.Entry::getKey).toList();
    }

    private static void add(SortedMap<LocalDate, Long> total, SortedMap<LocalDate, Long> state) {
        state.forEach((day, value) -> {
            Long sum = total.get(day);
            if (sum == null || value == null) {
                total.put(day, sum == null ? value : sum);
            } else {
                total.put(day, sum + value);
            }
        });
    }

    private static Long count(String value) {
        return value == null ? null : Long.valueOf(value);
    }
}
