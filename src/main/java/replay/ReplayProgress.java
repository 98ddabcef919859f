package replay;

import metrics.PipelineMetrics;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts what the replay sent and rejected; a progress line every interval and a summary at the end. */
public final class ReplayProgress {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayProgress.class);

    private final long intervalMillis;
    private long sent;
    private long rejected;
    private long skipped;
    private long lastLog;
    private ReplayChunk last;

    private final PipelineMetrics metrics;

    public ReplayProgress(Duration interval, PipelineMetrics metrics) {
        this.intervalMillis = interval.toMillis();
        this.metrics = metrics;
    }

    public synchronized void chunkSent(ReplayChunk chunk) {
        sent += chunk.rows().size();
        rejected += chunk.rejections().size();
        skipped += chunk.skipped();
        metrics.rowsReplayed(chunk.rows().size());
        metrics.rowsRejected("replay", chunk.rejections().size());
        last = chunk;
        long now = System.currentTimeMillis();
        if (lastLog == 0) {
            lastLog = chunk.startedAt();
        }
        if (now - lastLog >= intervalMillis) {
            lastLog = now;
            double elapsed = seconds(now - chunk.startedAt());
            double done = chunk.fileBytes() == 0 ? 1 : (double) chunk.bytesRead() / chunk.fileBytes();
            long eta = done > 0 ? Math.round(elapsed / done - elapsed) : -1;
            LOG.info("replay: {} rows sent, {} rejected, {} rows/s, {}% of file, ETA {}",
                    sent, rejected, Math.round(sent / elapsed), Math.round(done * 100), eta < 0 ? "?" : eta + " s");
        }
    }

    /** Logs the summary. */
    public synchronized void finished() {
        double elapsed = last == null ? 0 : seconds(System.currentTimeMillis() - last.startedAt());
        LOG.info("replay done: {} rows sent, {} rejected to the dead-letter topic, {} skipped as already on the topics, "
                        + "in {} s ({} rows/s)", sent, rejected, skipped, String.format("%.1f", elapsed),
                elapsed > 0 ? Math.round(sent / elapsed) : sent);
    }

    private static double seconds(long millis) {
        return Math.max(millis, 1) / 1000.0;
    }
}
