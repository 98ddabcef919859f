package catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides when new {@code dt=} folders in the lake call for a crawl. New folders wait until none has appeared
 * for a quiet period, so a backfill of 80 days starts a handful of crawls, not 80; but never longer than the
 * longest wait, so a steady stream of new days is still catalogued. The first folders this process sees do not
 * wait: until a crawl has made the lake's table, the sink cannot register the dates it stores, and none of them is
 * queryable. Only that first crawl is at once: if it fails, its folders wait like any others, so that a crawler that
 * keeps failing is not started every few seconds.
 */
public final class NewPartitionTrigger {

    private final Duration quiet;
    private final Duration longestWait;
    private final Clock clock;
    private final Set<String> known = new HashSet<>();
    private final Set<String> waiting = new TreeSet<>();
    private Instant firstWaiting;
    private Instant lastNew;
    private boolean crawledOnce;

    public NewPartitionTrigger(Duration quiet, Duration longestWait, Clock clock) {
        this.quiet = quiet;
        this.longestWait = longestWait;
        this.clock = clock;
    }

    /**
     * Takes the partitions the lake holds now; returns the new ones to crawl for, or an empty set while they
     * should wait. A process starting on a full lake sees every partition as new once, and crawls.
     */
    public synchronized Set<String> offer(Set<String> partitions) {
        Instant now = clock.instant();
        for (String partition : partitions) {
            if (!known.contains(partition) && waiting.add(partition)) {
                lastNew = now;
                if (firstWaiting == null) {
                    firstWaiting = now;
                }
            }
        }
        if (waiting.isEmpty() || (crawledOnce && now.isBefore(lastNew.plus(quiet)) && now.isBefore(firstWaiting.plus(longestWait)))) {
            return Set.of();
        }
        crawledOnce = true;
        Set<String> due = new TreeSet<>(waiting);
        known.addAll(waiting);
        waiting.clear();
        firstWaiting = null;
        return due;
    }

    /** Records partitions that a crawl, whatever started it, has catalogued: they need no crawl of their own. */
    public synchronized void covered(Set<String> partitions) {
        crawledOnce = true;
        known.addAll(partitions);
        waiting.removeAll(partitions);
        if (waiting.isEmpty()) {
            firstWaiting = null;
        }
    }

    /** Puts partitions back to wait, for when the crawl they started did not finish. */
    public synchronized void retry(Set<String> partitions) {
        known.removeAll(partitions);
        offer(partitions);
    }
}
