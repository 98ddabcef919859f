package replay;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the file to replay with its pace, where the topics say this replay stands: the settings of one
 * replay, checked at start-up, and a fresh pacer for each run.
 */
public final class ReplaySource {

    private static final Logger LOG = LoggerFactory.getLogger(ReplaySource.class);

    private final Path file;
    private final String run;
    private final ReplayHistory history;
    private final double rowsPerSecond;
    private final double secondsPerDay;
    private final int batchRows;

    public ReplaySource(Path file, String run, ReplayHistory history, double rowsPerSecond, double secondsPerDay,
                        int batchRows) {
        this.file = file;
        this.run = run;
        this.history = history;
        this.rowsPerSecond = rowsPerSecond;
        this.secondsPerDay = secondsPerDay;
        this.batchRows = batchRows;
    }

    public ReadAhead<ReplayChunk> open() {
        ReplayIdentity replay = ReplayIdentity.of(file, run);
        ResumePoint resume = history.find(replay);
        Map<LocalDate, Integer> days = secondsPerDay > 0 ? DayCounts.scan(file) : Map.of();
        ReplayPacer pacer = new ReplayPacer(rowsPerSecond, secondsPerDay, days);
        LOG.info("Replaying {} ({}){}; {}", file, pace(),
                days.isEmpty() ? "" : ": " + days.size() + " days, " + days.values().stream().mapToInt(i -> i).sum() + " rows",
                resume.describe(replay));
        return new ReadAhead<>(ReplayFile.open(file, replay, resume, pacer, batchRows));
    }

    private String pace() {
        if (rowsPerSecond == 0 && secondsPerDay == 0) {
            return "unthrottled";
        }
        String rate = rowsPerSecond > 0 ? "at most " + rowsPerSecond + " rows/s" : "";
        String days = secondsPerDay > 0 ? secondsPerDay + " s per day of data" : "";
        return rate.isEmpty() || days.isEmpty() ? rate + days : rate + ", " + days;
    }
}
