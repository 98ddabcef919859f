package sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class UploadDeadlineTest {

    private final AtomicLong now = new AtomicLong();
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };

    @Test
    void theLongestUploadIsEveryAttemptTimingOutPlusTheBackoffBetweenThem() {
        // the defaults: 6 attempts of 30 s, backoff 0.5 + 1 + 2 + 4 + 8 s
        assertThat(UploadDeadline.longestUpload(Duration.ofSeconds(30), 5)).isEqualTo(Duration.ofMillis(195_500));
        assertThat(UploadDeadline.longestUpload(Duration.ofSeconds(2), 0)).isEqualTo(Duration.ofSeconds(2));
        // the backoff stops growing at 30 s
        assertThat(UploadDeadline.longestUpload(Duration.ofSeconds(1), 8))
                .isEqualTo(Duration.ofMillis(9_000 + 500 + 1_000 + 2_000 + 4_000 + 8_000 + 16_000 + 30_000 + 30_000));
    }

    @Test
    void aBatchUploadsOnlyWhileItsNextUploadEndsBeforeTheGroupCanGiveUpOnIt() {
        UploadDeadline deadline = new UploadDeadline(Duration.ofSeconds(60), Duration.ofSeconds(20), clock);
        now.set(1_000_000);
        deadline.batchStarted();
        now.addAndGet(35_000);
        deadline.beforeUpload(); // 35 + 20 + 5 = 60: just in time
        now.addAndGet(1);
        assertThatThrownBy(deadline::beforeUpload).isInstanceOf(UploadDeadline.BatchOutOfTimeException.class)
                .hasMessageContaining("this batch has run for 35 s");
        // the next batch has its own time
        deadline.batchStarted();
        deadline.beforeUpload();
    }

    @Test
    void aPollIntervalShorterThanOneUploadStopsStartUp() {
        assertThatThrownBy(() -> new UploadDeadline(Duration.ofSeconds(60), Duration.ofSeconds(56), clock))
                .hasMessageStartingWith("lake.max-poll-interval must be longer than one upload");
    }
}
