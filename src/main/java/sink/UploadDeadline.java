package sink;

import java.time.Clock;
import java.time.Duration;

/**
 * Keeps a batch's uploads inside Kafka's {@code max.poll.interval.ms}. Past it the group may give the batch's
 * partitions to another instance, which stores the same rows in batches cut its own way; an upload of ours
 * ending after that could put rows in the lake twice or replace the new owner's object (the "zombie writer").
 * So before each object the batch goes on only if that object's upload, retries included, ends in time;
 * otherwise it stops, uncommitted, and the rows are read again by whoever owns them then.
 */
public final class UploadDeadline {

    /** Time kept in hand for the commit and for clocks that disagree a little. */
    static final Duration MARGIN = Duration.ofSeconds(5);

    private final Duration maxPollInterval;
    private final Duration longestUpload;
    private final Clock clock;
    private long batchStartedAt;

    public UploadDeadline(Duration maxPollInterval, Duration longestUpload, Clock clock) {
        if (longestUpload.plus(MARGIN).compareTo(maxPollInterval) >= 0) {
            throw new IllegalArgumentException("lake.max-poll-interval must be longer than one upload with its retries ("
                    + longestUpload.toSeconds() + " s with lake.s3.timeout and lake.s3.retries) plus " + MARGIN.toSeconds()
                    + " s, was " + maxPollInterval.toSeconds() + " s");
        }
        this.maxPollInterval = maxPollInterval;
        this.longestUpload = longestUpload;
        this.clock = clock;
    }

    /**
     * The longest one object's upload can take: every attempt timing out, and the backoff between them
     * (0.5 s, doubling, at most 30 s, as the sink's error handler waits).
     */
    public static Duration longestUpload(Duration callTimeout, int retries) {
        Duration longest = callTimeout.multipliedBy(retries + 1L);
        long backoff = 500;
        for (int retry = 0; retry < retries; retry++) {
            longest = longest.plusMillis(backoff);
            backoff = Math.min(backoff * 2, 30_000);
        }
        return longest;
    }

    /** Called as the consumer hands over a batch, right after its last poll. */
    public synchronized void batchStarted() {
        batchStartedAt = clock.millis();
    }

    /** Called before each object: throws when its upload might end after the group gave up on us. */
    public synchronized void beforeUpload() {
        long elapsed = clock.millis() - batchStartedAt;
        if (elapsed + longestUpload.toMillis() + MARGIN.toMillis() > maxPollInterval.toMillis()) {
            throw new BatchOutOfTimeException("this batch has run for " + elapsed / 1000 + " s; another upload could end "
                    + "after lake.max-poll-interval (" + maxPollInterval.toSeconds() + " s), when the group may have given "
                    + "its partitions to another instance: stopping it uncommitted");
        }
    }

    /** A batch stopped before its time was up: its rows are read again, by this instance or the next owner. */
    public static final class BatchOutOfTimeException extends RuntimeException {
        BatchOutOfTimeException(String message) {
            super(message, null, false, false);
        }
    }
}
