package sink;

import static org.assertj.core.api.Assertions.assertThat;

import metrics.PipelineMetrics;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class LakeProgressTest {

    private final LakeProgress progress = new LakeProgress("lake", new PipelineMetrics(new SimpleMeterRegistry(), Clock.systemUTC()));
    private final LakeBatch empty = new LakeBatch(List.of(), List.of(), List.of());

    @Test
    void theSinkIsFailingAfterSeveralAttemptsInARowNeverGotStored() {
        progress.batchStarted();
        for (int i = 0; i < LakeProgress.ATTEMPTS_BEFORE_GIVING_UP; i++) {
            assertThat(progress.isFailing()).isFalse();
            progress.batchStarted();
        }
        assertThat(progress.isFailing()).isTrue();
    }

    @Test
    void aStoredBatchClearsTheFailures() {
        for (int i = 0; i < LakeProgress.ATTEMPTS_BEFORE_GIVING_UP; i++) {
            progress.batchStarted();
        }
        progress.batchStored(empty);
        progress.batchStarted();
        assertThat(progress.isFailing()).isFalse();
    }
}
