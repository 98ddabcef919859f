package settings;

import replay.ReplayIdentity;

import java.nio.file.Path;
import java.time.Duration;

/** The replay of a CSV file onto the topics: which file, as which run, at what pace ({@code replay.*}). */
public record ReplaySettings(Path file, String runId, double rowsPerSecond, double secondsPerDay, int batchRows,
                             Duration progressInterval) {

    public static ReplaySettings read(Settings settings) {
        double progressSeconds = settings.number("replay.progress-seconds", 0);
        return new ReplaySettings(Path.of(settings.text("replay.file")),
                ReplayIdentity.checkRun(settings.text("replay.run-id")),
                settings.number("replay.rows-per-second", 0),
                settings.number("replay.seconds-per-day", 0),
                settings.wholeNumber("replay.batch-rows", 1),
                Duration.ofMillis((long) (progressSeconds * 1000)));
    }
}
