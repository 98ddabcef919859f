package trinocheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import reports.ResultTable;

/**
 * Trino from its server tarball, in a process of its own under a Java 24 or newer (Trino 476 needs one),
 * its output in the run's server.log. Closing it stops the process, as does this JVM's end (Ctrl-C included,
 * and, within seconds, kill -9 on Linux).
 */
final class TrinoServer implements AutoCloseable {

    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(5);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final Process process;
    private final TrinoConfig config;
    private final URI uri;
    private final long startedAt = System.nanoTime();
    private final Thread stopOnExit = new Thread(this::stop, "trino-stop");

    private TrinoServer(Process process, TrinoConfig config, URI uri) {
        this.process = process;
        this.config = config;
        this.uri = uri;
    }

    /** Starts it and returns at once: it takes half a minute or more before it answers queries. */
    static TrinoServer start(Path trinoHome, Path javaHome, TrinoConfig config, int port) {
        // the launcher execs the JVM, so the process is Trino itself and stopping it stops Trino
        ProcessBuilder launcher = new ProcessBuilder(trinoHome.resolve("bin/launcher").toString(),
                "-jvm-dir", javaHome.toString(),
                "-etc-dir", config.etc().toString(),
                "-data-dir", config.data().toString(),
                "run")
                .redirectErrorStream(true)
                .redirectOutput(config.log().toFile());
        try {
            TrinoServer server = new TrinoServer(launcher.start(), config, URI.create("http://127.0.0.1:" + port));
            Runtime.getRuntime().addShutdownHook(server.stopOnExit);
            watchForAKill(server.process.pid());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Trino's launcher in " + trinoHome + ": " + e.getMessage(), e);
        }
    }

    /**
     * A kill -9 of this check runs no shutdown hook: a shell of its own, which outlives it, kills Trino once this
     * JVM is gone, if that process is still Trino (/proc says; elsewhere it does nothing). It ends with Trino.
     * Linux's parent-death signal (setpriv --pdeathsig) was tried first: 5 of 12 kills left Trino running.
     */
    private static void watchForAKill(long trino) throws IOException {
        long check = ProcessHandle.current().pid();
        String script = "while kill -0 " + check + " 2>/dev/null && kill -0 " + trino + " 2>/dev/null; do sleep 1; done; "
                + "kill -0 " + check + " 2>/dev/null || ! grep -q io.trino.server /proc/" + trino + "/cmdline 2>/dev/null "
                + "|| kill -9 " + trino;
        new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    URI uri() {
        return uri;
    }

    /** Waits until Trino can run a report, with a line every 10 s; fails with the log's errors if it dies. */
    Duration awaitStarted() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long shownSeconds = 0;
        while (!started(http) || !workerActive()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Trino stopped while starting (exit " + process.exitValue() + "); "
                        + config.log() + " says:\n" + errors());
            }
            if (elapsed().compareTo(STARTUP_LIMIT) > 0) {
                throw new IllegalStateException("Trino did not start within " + STARTUP_LIMIT.toMinutes() + " min; see " + config.log());
            }
            long seconds = elapsed().toSeconds() / PROGRESS_EVERY.toSeconds() * PROGRESS_EVERY.toSeconds();
            if (seconds > shownSeconds) {
                System.out.printf("Trino: still starting (%d s)%n", seconds);
                shownSeconds = seconds;
            }
            Thread.sleep(250);
        }
        return elapsed();
    }

    /** /v1/info answers early and says {@code "starting": true} until the catalogs are loaded. */
    private boolean started(HttpClient http) throws InterruptedException {
        try {
            HttpResponse<String> info = http.send(HttpRequest.newBuilder(uri.resolve("/v1/info"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return info.statusCode() == 200 && !new ObjectMapper().readTree(info.body()).path("starting").asBoolean(true);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Trino says it has started before its worker (this same node) has announced itself; until then a query that
     * needs a worker fails with "No nodes available to run query".
     */
    private boolean workerActive() throws InterruptedException {
        try {
            ResultTable nodes = new TrinoStatements(uri, "system", "runtime").run("SELECT count(*) FROM nodes WHERE state = 'active'");
            return !nodes.rows().get(0).get(0).equals("0");
        } catch (QueryFailedException e) {
            return false;
        }
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /** The log's ERROR lines and exceptions, or its end when it has none. */
    private String errors() {
        try {
            List<String> lines = Files.readAllLines(config.log());
            List<String> errors = lines.stream().filter(l -> l.contains("ERROR") || l.contains("Exception")).limit(20).toList();
            return String.join("\n", errors.isEmpty() ? lines.subList(Math.max(0, lines.size() - 20), lines.size()) : errors);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is stopping it already, and stop() waits for that
        }
        stop();
    }

    /** SIGTERM, which Trino answers by shutting down; a kill when it has not within 30 s. */
    private synchronized void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        System.out.println("Trino: stopped");
    }
}
