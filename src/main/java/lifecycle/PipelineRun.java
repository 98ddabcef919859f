package lifecycle;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows when the process's finite work is done: each one-shot job reports done or failed. When none is
 * left the process stops with exit code 0, unless it is to keep running; the first job that fails stops it
 * with exit code 1, since the jobs after it would wait for it forever.
 */
public final class PipelineRun {

    /** The registry name routes use to report. */
    public static final String BEAN = "pipelineRun";

    private static final Logger LOG = LoggerFactory.getLogger(PipelineRun.class);

    private final Set<String> pending;
    private final boolean keepRunning;
    private final Runnable stop;
    private final RunTimeline timeline = new RunTimeline(System.nanoTime());
    private final Set<String> shownAtEnd = new LinkedHashSet<>();
    private int exitCode;

    public PipelineRun(Set<String> jobs, boolean keepRunning, Runnable stop) {
        this.pending = new LinkedHashSet<>(jobs);
        this.keepRunning = keepRunning;
        this.stop = stop;
    }

    public void jobDone(String job) {
        finish(job, 0);
    }

    public void jobFailed(String job) {
        finish(job, 1);
    }

    /** A line the run ends with, after its summary: where to find what a job made. */
    public synchronized void showAtEnd(String line) {
        shownAtEnd.add(line);
    }

    /** Whether the job is this process's and has not reported yet. */
    public synchronized boolean isPending(String job) {
        return pending.contains(job);
    }

    /** Whether the job reported done or failed, or was never this process's. */
    public synchronized boolean isDone(String job) {
        return !pending.contains(job);
    }

    public synchronized int exitCode() {
        return exitCode;
    }

    private void finish(String job, int code) {
        String summary;
        List<String> lines;
        synchronized (this) {
            exitCode = Math.max(exitCode, code);
            boolean allDone = pending.remove(job) && pending.isEmpty();
            timeline.ended(job, code != 0, System.nanoTime());
            if (code == 0 && !allDone) {
                return;
            }
            summary = timeline.summary(ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
            lines = List.copyOf(shownAtEnd);
        }
        LOG.info("Run: {}", summary);
        lines.forEach(line -> LOG.info("{}", line));
        if (keepRunning) {
            LOG.info("{}; still running (local.keep-running=true), stop with Ctrl-C",
                    code == 0 ? "All work done" : "The " + job + " failed");
            return;
        }
        // stopping Camel from a route's own thread would wait for that route: hand it to another thread
        new Thread(stop, "pipeline-stop").start();
    }
}
