package trinocheck;

import java.nio.file.Path;
import java.time.Duration;

import app.LocalRun;

/**
 * A lake the pipeline itself wrote: the default run in this JVM (broker, sink, crawler, each on a free port), on
 * the given CSV, as a backfill (no pacing), without the reports, which the check runs itself.
 */
final class ReplayedLake {

    private ReplayedLake() {
    }

    /** Replays {@code csv} into the lake under {@code dataDir}, which the run empties first. */
    static Duration write(Path csv, Path dataDir) {
        long start = System.nanoTime();
        int exit = LocalRun.run(dataDir, "replay.file", csv.toString(), "replay.seconds-per-day", "0",
                "pipeline.routes", "replay,sink,crawler");
        if (exit != 0) {
            throw new IllegalStateException("the pipeline run that writes the lake failed (exit " + exit + "); its errors are above");
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
