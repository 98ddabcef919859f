package app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import local.LoopbackPorts;
import local.EmbeddedS3;
import local.LocalStackMain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import support.CrashScenario;
import support.JavaProcess;

/**
 * S3 alone down for longer than one batch's retries, in the middle of the stream: the sink gives the batch
 * up uncommitted, polls it again once S3 is back, and nothing is lost or stored twice. The pipeline's S3
 * server runs in this JVM over the stack's S3 folder, so that it can stop while Kafka and the emulator
 * (in the stack's process) go on.
 */
class S3OutageTest {

    /** Longer than a batch's retries: lake.s3.retries=5 back off 0.5 + 1 + 2 + 4 + 8 s. */
    private static final Duration OUTAGE = Duration.ofSeconds(20);

    private final CrashScenario scenario = new CrashScenario("s3-outage");

    S3OutageTest() throws Exception {
    }

    @AfterEach
    void deleteDir() {
        scenario.delete();
    }

    @Test
    void aBatchThatOutlivesItsRetriesIsStoredOnceWhenS3IsBack() throws Exception {
        Path s3Folder = scenario.dir.resolve("data").resolve("s3");
        int lakePort = LoopbackPorts.free();
        try (JavaProcess stack = JavaProcess.start("stack", LocalStackMain.class, scenario.log("stack"), scenario.properties(true))) {
            stack.awaitLog("Local stack up", Duration.ofMinutes(1));
            EmbeddedS3 lake = startLake(s3Folder, lakePort);
            try (JavaProcess run = JavaProcess.start("pipeline", PipelineMain.class, scenario.log("pipeline"),
                    scenario.properties(false, "local.enabled", "false", "lake.s3.endpoint", "http://127.0.0.1:" + lakePort))) {
                run.awaitLog("lake sink: stored a batch", Duration.ofMinutes(1));
                lake.close();
                long down = System.currentTimeMillis();
                run.awaitLog("Exhausted after delivery attempt", OUTAGE.plusSeconds(30));
                Thread.sleep(Math.max(0, down + OUTAGE.toMillis() - System.currentTimeMillis()));
                lake = startLake(s3Folder, lakePort);

                assertThat(run.awaitExit(Duration.ofMinutes(4))).as("the pipeline's exit code").isZero();
                assertThat(Files.readString(scenario.log("pipeline"))).contains("lake sink done");
                scenario.assertExactlyOnce("S3 down " + OUTAGE.toSeconds() + " s in the stream, longer than a batch's retries");
            } finally {
                lake.close();
            }
        }
    }

    private static EmbeddedS3 startLake(Path folder, int port) {
        return EmbeddedS3.start(folder, port, "local", "local-secret", "covid-lake");
    }
}
