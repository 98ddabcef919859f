package sink;

import metrics.PipelineMetrics;

import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.Message;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the sink stored: objects, rows and bytes, per dt= folder; a line per batch and a summary with the layout. */
public final class LakeProgress {

    /** Attempts at a batch that may fail in a row (S3 down, Kafka unreachable) before a finite run gives up. */
    public static final int ATTEMPTS_BEFORE_GIVING_UP = 5;

    private static final Logger LOG = LoggerFactory.getLogger(LakeProgress.class);

    private final String bucket;
    private final Map<String, long[]> folders = new TreeMap<>();
    private final Map<String, long[]> batch = new TreeMap<>();
    private long objects;
    private long rows;
    private long bytes;
    private long rejected;
    private boolean inFlight;
    private int failedInARow;

    private final PipelineMetrics metrics;

    public LakeProgress(String bucket, PipelineMetrics metrics) {
        this.bucket = bucket;
        this.metrics = metrics;
    }

    /** A batch may be stored more than once (S3 retries, redelivery): only a committed batch counts. */
    public synchronized void batchStarted() {
        if (inFlight) {
            failedInARow++;
        }
        inFlight = true;
        batch.clear();
    }

    /** Whether the last {@value #ATTEMPTS_BEFORE_GIVING_UP} attempts at storing a batch all failed. */
    public synchronized boolean isFailing() {
        return failedInARow >= ATTEMPTS_BEFORE_GIVING_UP;
    }

    public synchronized void objectStored(Message message) {
        String key = message.getHeader(AWS2S3Constants.KEY, String.class);
        int objectRows = message.getHeader(LakeWriter.ROWS_HEADER, Integer.class);
        long objectBytes = message.getHeader(AWS2S3Constants.CONTENT_LENGTH, Long.class);
        // the same key stored again by a retry replaces its first attempt
        batch.put(key, new long[] {objectRows, objectBytes});
    }

    public synchronized void batchStored(LakeBatch stored) {
        inFlight = false;
        failedInARow = 0;
        if (stored.objects().isEmpty() && !stored.hasRejections()) {
            return;
        }
        long batchBytes = batch.values().stream().mapToLong(object -> object[1]).sum();
        metrics.batchLanded(stored.rows(), batch.size(), batchBytes);
        metrics.rowsRejected("sink", stored.rejections().size());
        batch.forEach((key, object) -> {
            long[] folder = folders.computeIfAbsent(key.substring(0, key.lastIndexOf('/') + 1), k -> new long[3]);
            folder[0]++;
            folder[1] += object[0];
            folder[2] += object[1];
            objects++;
            rows += object[0];
            bytes += object[1];
        });
        batch.clear();
        rejected += stored.rejections().size();
        LOG.info("lake sink: stored a batch of {} rows in {} objects; {} rows, {} objects, {} in the lake so far",
                stored.rows(), stored.objects().size(), rows, objects, size(bytes));
    }

    /** Logs the summary: totals and the lake's layout. */
    public synchronized void summary() {
        StringBuilder tree = new StringBuilder();
        folders.forEach((folder, f) -> tree.append(String.format("%n  s3://%s/%-45s %4d objects %8d rows %10s",
                bucket, folder, f[0], f[1], size(f[2]))));
        LOG.info("lake sink done: {} objects, {} rows, {} written, {} rows to the dead-letter topic{}",
                objects, rows, size(bytes), rejected, tree);
    }

    private static String size(long bytes) {
        return bytes < 10_000 ? bytes + " B" : bytes < 10_000_000 ? (bytes / 1000) + " kB" : (bytes / 1_000_000) + " MB";
    }
}
