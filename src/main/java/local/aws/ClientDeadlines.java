package local.aws;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The emulator's few HTTP threads, on which a client has {@code limit} to send its request and again to read
 * the answer: the HTTP server reads both on the thread that handles the exchange, and without a bound a client
 * that stops sending would hold that thread forever. When the time is up the thread is interrupted, which
 * closes the connection. The emulator's own work on a request runs with the clock stopped, since an interrupt
 * there would break a write of the catalog file or a DuckDB call rather than a client's connection.
 */
final class ClientDeadlines implements Executor, AutoCloseable {

    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

    private final ExecutorService threads;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Threads.daemon("aws-emulator-deadline"));
    private final Duration limit;

    ClientDeadlines(int threads, Duration limit) {
        this.threads = Executors.newFixedThreadPool(threads, Threads.daemon("aws-emulator-http"));
        this.limit = limit;
    }

    @Override
    public void execute(Runnable exchange) {
        threads.execute(() -> {
            Deadline deadline = new Deadline(Thread.currentThread());
            CURRENT.set(deadline);
            deadline.start();
            try {
                exchange.run();
            } finally {
                deadline.stop();
                CURRENT.remove();
            }
        });
    }

    /** Runs the emulator's part of the exchange on this thread with the clock stopped; the answer gets a new limit. */
    static <T> T paused(Supplier<T> work) {
        Deadline deadline = CURRENT.get();
        deadline.stop();
        try {
            return work.get();
        } finally {
            deadline.start();
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
        timer.shutdownNow();
    }

    /** The limit of one exchange's thread; each start is a new term, so that an old timer cannot end a new one. */
    private final class Deadline {

        private final Thread thread;
        private ScheduledFuture<?> timeout;
        private long term;

        Deadline(Thread thread) {
            this.thread = thread;
        }

        synchronized void start() {
            long started = ++term;
            timeout = timer.schedule(() -> expire(started), limit.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Called by the exchange's own thread: once it returns no interrupt is pending or can come. */
        synchronized void stop() {
            term++;
            timeout.cancel(false);
            Thread.interrupted();
        }

        private synchronized void expire(long started) {
            if (started == term) {
                thread.interrupt();
            }
        }
    }
}
