package lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RunTimelineTest {

    @Test
    void theSummarySaysWhenEachJobEndedAndTheCpuItTook() {
        RunTimeline timeline = new RunTimeline(1_000_000_000L);
        timeline.ended("replay", false, 7_100_000_000L);
        timeline.ended("sink", false, 9_900_000_000L);
        timeline.ended("crawler", true, 10_500_000_000L);
        assertThat(timeline.summary(Duration.ofMillis(31_240)))
                .isEqualTo("replay done 6.1 s, lake complete 8.9 s, crawler failed 9.5 s after the routes could start; "
                        + "process CPU 31.2 s");
    }
}
