package app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import local.EmbeddedKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import support.CrashScenario;
import support.JavaProcess;
import support.TestKafka;

/**
 * The default all-in-one run, killed with {@code kill -9} three times in a row at random moments (in the
 * replay, in a sink batch, in the crawl or the reports) and restarted on its data each time, then let run to
 * its end: every line of the CSV is on its topic once, every row in the lake once, and the reports say what
 * the CSV says.
 */
class CrashRestartTest {

    private final CrashScenario scenario = new CrashScenario("crash-restart");
    private final long seed = System.nanoTime();
    private final Random random = new Random(seed);

    CrashRestartTest() throws Exception {
    }

    @AfterEach
    void deleteDir() {
        scenario.delete();
    }

    @Test
    void killedThreeTimesTheRunStillHoldsEveryRowOnceFromTheCsvToTheReports() throws Exception {
        List<String> kills = new ArrayList<>();
        kills.add(killAfter(1, true, "replay: [0-9]+ rows sent", 1000, "in the replay"));
        kills.add(killAfter(2, false, "lake sink: stored a batch", 500, "in a sink batch"));
        kills.add(killAfter(3, false, "crawling it, then the reports", 800, "in the crawl or the reports"));

        try (JavaProcess last = JavaProcess.start("run 4", PipelineMain.class, scenario.log("run-4"), scenario.properties(false))) {
            assertThat(last.awaitExit(Duration.ofMinutes(3))).as("exit code of the last run").isZero();
        }
        assertThat(Files.readString(scenario.log("run-2")))
                .as("the second run resumed the replay").contains("resuming counties-2021.csv after line");

        try (EmbeddedKafka broker = EmbeddedKafka.start(scenario.dir.resolve("data").resolve("kafka"), scenario.kafkaPort, 3,
                TestKafka.USER, TestKafka.PASSWORD)) {
            scenario.assertExactlyOnce("kill -9 of the all-in-one run (seed " + seed + "): " + kills);
        }
        scenario.assertReports();
    }

    /** Starts run {@code n}, waits for the log line, waits up to {@code maxDelayMillis} more, and kills it. */
    private String killAfter(int n, boolean reset, String logLine, int maxDelayMillis, String where) throws Exception {
        try (JavaProcess run = JavaProcess.start("run " + n, PipelineMain.class, scenario.log("run-" + n), scenario.properties(reset))) {
            run.awaitLog(logLine, Duration.ofMinutes(2));
            long delay = random.nextInt(maxDelayMillis);
            Thread.sleep(delay);
            run.kill();
            return where + " (" + delay + " ms after /" + logLine + "/)";
        }
    }
}
