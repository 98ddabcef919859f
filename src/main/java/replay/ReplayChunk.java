package replay;

import covid.CountyRow;
import covid.RowRejection;

import java.util.List;

/**
 * Consecutive rows of the file that are due at about the same time, sent to Kafka as one batch:
 * the producer then has many records in flight instead of waiting for each acknowledgement.
 *
 * @param ackedThrough every line up to this one is on the topics once the chunks before this one are sent;
 *                     the chunk's messages carry it, so that a restarted replay finds where to go on
 * @param lastLine     the last line of the file this chunk covers, sent or {@code skipped}
 * @param skipped      rows of this stretch of the file that an earlier attempt at the replay sent already
 * @param dueAt        wall-clock millis when the first row is due
 * @param startedAt    wall-clock millis when the replay started
 * @param bytesRead    how far into the file the replay is, for progress
 */
public record ReplayChunk(ReplayIdentity replay, List<CountyRow> rows, List<RowRejection> rejections,
                          long ackedThrough, long lastLine, int skipped,
                          long dueAt, long startedAt, long bytesRead, long fileBytes) {

    public long millisUntilDue() {
        return Math.max(0, dueAt - System.currentTimeMillis());
    }

    public boolean hasRows() {
        return !rows.isEmpty();
    }

    public boolean hasRejections() {
        return !rejections.isEmpty();
    }

    // Camel's simple language caches what it learns about a body keyed by the body itself: identity keeps
    // that lookup from hashing every row of the chunk
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
