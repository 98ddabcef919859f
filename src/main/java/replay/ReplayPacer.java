package replay;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * When each row is due, in milliseconds after the replay starts. Two paces, either or both:
 * a fixed row rate, and event time, where the rows of each date in the file are spread evenly over
 * {@code secondsPerDay} so that the stream looks like days passing. With both, a row waits for the later.
 * Rows must be asked for in file order.
 */
public final class ReplayPacer {

    private final double rowsPerSecond;
    private final double secondsPerDay;
    private final Map<LocalDate, DaySlot> days = new HashMap<>();
    private long rowsSoFar;

    private static final class DaySlot {
        final int index;
        final int rows;
        int seen;

        DaySlot(int index, int rows) {
            this.index = index;
            this.rows = rows;
        }
    }

    /**
     * @param rowsPerDate rows of each date, in date order; only needed when {@code secondsPerDay > 0}
     */
    public ReplayPacer(double rowsPerSecond, double secondsPerDay, Map<LocalDate, Integer> rowsPerDate) {
        if (rowsPerSecond < 0) {
            throw new IllegalArgumentException("replay.rows-per-second must be >= 0, was " + rowsPerSecond);
        }
        if (secondsPerDay < 0) {
            throw new IllegalArgumentException("replay.seconds-per-day must be >= 0, was " + secondsPerDay);
        }
        this.rowsPerSecond = rowsPerSecond;
        this.secondsPerDay = secondsPerDay;
        int index = 0;
        for (Map.Entry<LocalDate, Integer> day : rowsPerDate.entrySet()) {
            days.put(day.getKey(), new DaySlot(index++, day.getValue()));
        }
    }

    public long dueMillis(LocalDate date) {
        long rowIndex = rowsSoFar++;
        double due = rowsPerSecond > 0 ? rowIndex * 1000.0 / rowsPerSecond : 0;
        DaySlot day = secondsPerDay > 0 ? days.get(date) : null;
        if (day != null) {
            double inDay = (double) day.seen++ / day.rows;
            due = Math.max(due, (day.index + inDay) * secondsPerDay * 1000.0);
        }
        return (long) due;
    }
}
