package scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void intervalsInCamelOrIsoForm() {
        assertThat(Schedule.parse("k", "30m").interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(Schedule.parse("k", "1h30m").interval()).isEqualTo(Duration.ofMinutes(90));
        assertThat(Schedule.parse("k", "PT6H").interval()).isEqualTo(Duration.ofHours(6));
        assertThat(Schedule.parse("k", "30m").isCron()).isFalse();
    }

    @Test
    void quartzCronIsKeptAndUnixCronGainsSecondsAndAQuestionMark() {
        assertThat(Schedule.parse("k", "0 0 6 * * ?").cron()).isEqualTo("0 0 6 * * ?");
        assertThat(Schedule.parse("k", "15 6 * * *").cron()).isEqualTo("0 15 6 * * ?");
        assertThat(Schedule.parse("k", "0 6 * * MON-FRI").cron()).isEqualTo("0 0 6 ? * MON-FRI");
        // Unix counts weekdays from Sunday = 0 (or 7), Quartz from Sunday = 1
        assertThat(Schedule.parse("k", "0 6 * * 1-5").cron()).isEqualTo("0 0 6 ? * 2-6");
        assertThat(Schedule.parse("k", "0 6 * * 0,6").cron()).isEqualTo("0 0 6 ? * 1,7");
        assertThat(Schedule.parse("k", "0 6 * * 7").cron()).isEqualTo("0 0 6 ? * 1");
        assertThat(Schedule.parse("k", "0 6 * * */2").cron()).isEqualTo("0 0 6 ? * */2");
        assertThat(Schedule.parse("k", "0 6 * * 0-7").cron()).isEqualTo("0 0 6 * * ?");
    }

    @Test
    void nonsenseNamesTheProperty() {
        for (String bad : new String[] {"", "soon", "0s", "61 * * * *", "0 0 6 1 * MON"}) {
            assertThatThrownBy(() -> Schedule.parse("reports.schedule", bad))
                    .hasMessageStartingWith("reports.schedule must be an interval");
        }
    }
}
