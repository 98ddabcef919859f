package lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import support.CapturedLog;

class PipelineRunTest {

    @Test
    void theRunEndsWithItsSummaryAndThenWhereToFindWhatItMade() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        PipelineRun run = new PipelineRun(Set.of("crawler", "reports"), false, stopped::countDown);
        try (CapturedLog log = new CapturedLog()) {
            run.showAtEnd("Report page: s3://covid-lake/reports/index.html");
            run.showAtEnd("Report page: s3://covid-lake/reports/index.html");
            run.jobDone("crawler");
            assertThat(log.lines).noneMatch(line -> line.startsWith("Report page"));
            run.jobDone("reports");

            assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(log.lines).filteredOn(line -> line.startsWith("Run: ") || line.startsWith("Report page"))
                    .hasSize(2).last().isEqualTo("Report page: s3://covid-lake/reports/index.html");
            assertThat(run.exitCode()).isZero();
        }
    }
}
