package catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;

class NewPartitionTriggerTest {

    private final MovableClock clock = new MovableClock();
    private final NewPartitionTrigger trigger = new NewPartitionTrigger(Duration.ofSeconds(30), Duration.ofMinutes(5), clock);

    @Test
    void theFirstFoldersCrawlAtOnceSoThatTheTableExists() {
        assertThat(trigger.offer(days(1))).hasSize(1);
        clock.advance(Duration.ofSeconds(2));
        assertThat(trigger.offer(days(2))).isEmpty();
    }

    @Test
    void aBackfillCrawlsOnceItGoesQuiet() {
        aCrawlHasRun();
        for (int day = 1; day <= 80; day++) {
            assertThat(trigger.offer(days(day))).isEmpty();
            clock.advance(Duration.ofSeconds(2));
        }
        clock.advance(Duration.ofSeconds(30));
        assertThat(trigger.offer(days(80))).hasSize(80);
        clock.advance(Duration.ofMinutes(1));
        assertThat(trigger.offer(days(80))).isEmpty();
    }

    @Test
    void aSteadyStreamOfNewDaysStillCrawlsAfterTheLongestWait() {
        aCrawlHasRun();
        int crawls = 0;
        for (int day = 1; day <= 40; day++) {
            crawls += trigger.offer(days(day)).isEmpty() ? 0 : 1;
            clock.advance(Duration.ofSeconds(20));
        }
        // 40 days, one every 20 s = 13 min: a crawl every 5 min at the latest, never one per day
        assertThat(crawls).isBetween(2, 3);
    }

    @Test
    void partitionsACrawlCoveredNeedNoCrawlOfTheirOwn() {
        trigger.offer(days(3));
        trigger.covered(days(3));
        clock.advance(Duration.ofMinutes(10));
        assertThat(trigger.offer(days(3))).isEmpty();
    }

    @Test
    void aFailedCrawlsPartitionsWaitAgain() {
        aCrawlHasRun();
        trigger.offer(days(2));
        clock.advance(Duration.ofSeconds(31));
        Set<String> due = trigger.offer(days(2));
        assertThat(due).hasSize(2);
        trigger.retry(due);
        assertThat(trigger.offer(days(2))).isEmpty();
        clock.advance(Duration.ofSeconds(31));
        assertThat(trigger.offer(days(2))).isEqualTo(due);
    }

    /** Only the first folders crawl at once; the others wait for the quiet period. */
    private void aCrawlHasRun() {
        trigger.covered(Set.of());
    }

    private static Set<String> days(int count) {
        java.util.Set<String> days = new java.util.TreeSet<>();
        for (int d = 0; d < count; d++) {
            days.add("dt=" + java.time.LocalDate.of(2023, 1, 1).plusDays(d));
        }
        return days;
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2023-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
