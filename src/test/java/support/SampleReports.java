package support;

import covid.CountyRow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What the shipped reports must say about a set of rows, computed in plain Java, independently of the SQL. */
public final class SampleReports {

    private SampleReports() {
    }

    /** [state, county, new cases] of the 10 counties with the most new cases over the last 7 days of the data. */
    public static List<List<String>> topCountiesLast7Days(List<CountyRow> rows) {
        LocalDate latest = rows.stream().map(CountyRow::date).max(Comparator.naturalOrder()).orElseThrow();
        Map<List<String>, List<CountyRow>> byCounty = rows.stream()
                .collect(Collectors.groupingBy(r -> List.of(r.state(), r.county())));
        List<List<String>> totals = new ArrayList<>();
        byCounty.forEach((county, days) -> {
            List<CountyRow> sorted = days.stream().sorted(Comparator.comparing(CountyRow::date)).toList();
            Long sum = null;
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).date().isAfter(latest.minusDays(7))) {
                    sum = (sum == null ? 0 : sum) + sorted.get(i).cases() - sorted.get(i - 1).cases();
                }
            }
            if (sum != null) {
                totals.add(List.of(county.get(0), county.get(1), Long.toString(sum)));
            }
        });
        totals.sort(Comparator.<List<String>>comparingLong(t -> -Long.parseLong(t.get(2)))
                .thenComparing(t -> t.get(0)).thenComparing(t -> t.get(1)));
        return totals.subList(0, 10);
    }

    /** [date, new cases] of one state, newest first; the first day has none (""). */
    public static List<List<String>> dailyNewCases(List<CountyRow> rows, String state) {
        Map<LocalDate, Long> totals = rows.stream().filter(r -> r.state().equals(state))
                .collect(Collectors.groupingBy(CountyRow::date, TreeMap::new, Collectors.summingLong(CountyRow::cases)));
        List<List<String>> days = new ArrayList<>();
        Long previous = null;
        for (Map.Entry<LocalDate, Long> day : totals.entrySet()) {
            days.add(0, List.of(day.getKey().toString(), previous == null ? "" : Long.toString(day.getValue() - previous)));
            previous = day.getValue();
        }
        return days;
    }

    /** [date, rows, rows without fips] per day, newest first. */
    public static List<List<String>> rowsPerDay(List<CountyRow> rows) {
        Map<LocalDate, List<CountyRow>> byDate = rows.stream()
                .collect(Collectors.groupingBy(CountyRow::date, TreeMap::new, Collectors.toList()));
        List<List<String>> days = new ArrayList<>();
        byDate.forEach((date, dayRows) -> days.add(0, List.of(date.toString(), Integer.toString(dayRows.size()),
                Long.toString(dayRows.stream().filter(r -> r.fips() == null).count()))));
        return days;
    }
}
