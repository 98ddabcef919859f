package app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import local.LocalStackMain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import support.CrashScenario;
import support.JavaProcess;

/**
 * The local stack (Kafka, S3, Glue/Athena) in a process of its own, killed with {@code kill -9} in the middle
 * of the replay while the pipeline runs in another process, and started again on its data 10 s later: the
 * pipeline finishes by itself, and every row is in the lake once.
 */
class StackCrashTest {

    private final CrashScenario scenario = new CrashScenario("stack-crash");

    StackCrashTest() throws Exception {
    }

    @AfterEach
    void deleteDir() {
        scenario.delete();
    }

    @Test
    void thePipelineOutlivesItsStackAndFinishesExactly() throws Exception {
        JavaProcess stack = JavaProcess.start("stack", LocalStackMain.class, scenario.log("stack-1"), scenario.properties(true));
        stack.awaitLog("Local stack up", Duration.ofMinutes(1));
        Map<String, String> pipeline = scenario.properties(false, "local.enabled", "false");
        try (JavaProcess run = JavaProcess.start("pipeline", PipelineMain.class, scenario.log("pipeline"), pipeline)) {
            run.awaitLog("replay: [0-9]+ rows sent", Duration.ofMinutes(1));
            stack.kill();
            long killedAt = System.currentTimeMillis();
            Thread.sleep(10_000);
            stack = JavaProcess.start("stack again", LocalStackMain.class, scenario.log("stack-2"), scenario.properties(false));
            stack.awaitLog("Local stack up", Duration.ofMinutes(1));
            long down = System.currentTimeMillis() - killedAt;

            assertThat(run.awaitExit(Duration.ofMinutes(4))).as("the pipeline's exit code").isZero();
            scenario.assertExactlyOnce("kill -9 of the local stack in the replay, down " + down / 1000 + " s, pipeline in another process");
        } finally {
            stack.close();
        }
    }
}
