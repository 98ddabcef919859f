package lifecycle;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * When each of a run's jobs ended, counted from when the routes could start (the local stack, if any, was up
 * by then): the run's last line, so that "how long until the lake was complete" is read, not guessed.
 */
final class RunTimeline {

    private static final Map<String, String> ENDS = Map.of(
            "replay", "replay done", "sink", "lake complete", "crawler", "lake catalogued", "reports", "reports written");

    private final long startNanos;
    private final Map<String, String> ended = new LinkedHashMap<>();

    RunTimeline(long startNanos) {
        this.startNanos = startNanos;
    }

    void ended(String job, boolean failed, long nowNanos) {
        String what = failed ? job + " failed" : ENDS.getOrDefault(job, job + " done");
        ended.put(job, String.format(Locale.ROOT, "%s %.1f s", what, (nowNanos - startNanos) / 1e9));
    }

    /** e.g. {@code replay done 6.1 s, lake complete 8.9 s, …; process CPU 31.2 s} */
    String summary(Duration processCpu) {
        return String.join(", ", ended.values()) + " after the routes could start; process CPU "
                + String.format(Locale.ROOT, "%.1f s", processCpu.toMillis() / 1000.0);
    }
}
