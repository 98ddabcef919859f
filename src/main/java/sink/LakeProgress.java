package sink;

import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.Message;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the sink stored: objects, rows and bytes, per dt= folder; a line per batch and a summary with the layout. */
public final class LakeProgress {

    private static final Logger LOG = LoggerFactory.getLogger(LakeProgress.class);

    private final String bucket;
    private final Map<String, long[]> folders = new TreeMap<>();
    private long objects;
    private long rows;
    private long bytes;
    private long rejected;

    public LakeProgress(String bucket) {
        this.bucket = bucket;
    }

    public synchronized void objectStored(Message message) {
        String key = message.getHeader(AWS2S3Constants.KEY, String.class);
        int objectRows = message.getHeader(LakeWriter.ROWS_HEADER, Integer.class);
        long objectBytes = message.getHeader(AWS2S3Constants.CONTENT_LENGTH, Long.class);
        long[] folder = folders.computeIfAbsent(key.substring(0, key.lastIndexOf('/') + 1), k -> new long[3]);
        folder[0]++;
        folder[1] += objectRows;
        folder[2] += objectBytes;
        objects++;
        rows += objectRows;
        bytes += objectBytes;
    }

    public synchronized void batchStored(LakeBatch batch) {
        rejected += batch.rejections().size();
        LOG.info("lake sink: stored a batch of {} rows in {} objects; {} rows, {} objects, {} in the lake so far",
                batch.rows(), batch.objects().size(), rows, objects, size(bytes));
    }

    public synchronized long rows() {
        return rows;
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
