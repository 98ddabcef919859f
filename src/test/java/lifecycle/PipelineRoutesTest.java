package lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

class PipelineRoutesTest {

    @Test
    void parsesTheRoutesOfAProcess() {
        assertThat(PipelineRoutes.parse(" replay , sink")).containsExactly("replay", "sink");
    }

    @Test
    void unknownOrNoRoutesNameTheProperty() {
        assertThatThrownBy(() -> PipelineRoutes.parse("replay,lake")).hasMessageStartingWith("pipeline.routes: unknown route 'lake'");
        assertThatThrownBy(() -> PipelineRoutes.parse(" ")).hasMessageStartingWith("pipeline.routes names no route");
    }

    @Test
    void aSinkRunsUntilStoppedUnlessItDrainsItsOwnReplay() {
        assertThat(PipelineRoutes.finiteJobs(Set.of("replay", "sink"))).containsExactlyInAnyOrder("replay", "sink");
        assertThat(PipelineRoutes.finiteJobs(Set.of("replay"))).containsExactly("replay");
        assertThat(PipelineRoutes.finiteJobs(Set.of("sink"))).isEmpty();
    }

    @Test
    void theCrawlAndReportsEndARunOnlyAfterItsOwnSink() {
        assertThat(PipelineRoutes.finiteJobs(Set.of("replay", "sink", "crawler", "reports")))
                .containsExactly("replay", "sink", "crawler", "reports");
        assertThat(PipelineRoutes.finiteJobs(Set.of("replay", "sink", "reports"))).containsExactly("replay", "sink");
        assertThat(PipelineRoutes.finiteJobs(Set.of("crawler", "reports"))).isEmpty();
    }
}
