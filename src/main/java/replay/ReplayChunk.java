package replay;

import covid.CountyRow;
import covid.RowRejection;

import java.util.List;

/**
 * Consecutive rows of the file that are due at about the same time, sent to Kafka as one batch:
 * the producer then has many records in flight instead of waiting for each acknowledgement.
 *
 * @param dueAt     wall-clock millis when the first row is due
 * @param startedAt wall-clock millis when the replay started
 * @param bytesRead how far into the file the replay is, for progress
 */
public record ReplayChunk(String source, List<CountyRow> rows, List<RowRejection> rejections, long dueAt,
                          long startedAt, long bytesRead, long fileBytes) {

    public long millisUntilDue() {
        return Math.max(0, dueAt - System.currentTimeMillis());
    }

    public boolean hasRejections() {
        return !rejections.isEmpty();
    }
}
