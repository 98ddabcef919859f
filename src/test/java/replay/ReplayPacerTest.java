package replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class ReplayPacerTest {

    private static final LocalDate D1 = LocalDate.of(2023, 1, 1);
    private static final LocalDate D2 = LocalDate.of(2023, 1, 2);

    @Test
    void unpacedRowsAreAllDueAtOnce() {
        ReplayPacer pacer = new ReplayPacer(0, 0, Map.of());
        assertThat(List.of(pacer.dueMillis(D1), pacer.dueMillis(D1), pacer.dueMillis(D2))).containsOnly(0L);
    }

    @Test
    void aRowRateSpacesRowsEvenly() {
        ReplayPacer pacer = new ReplayPacer(4, 0, Map.of());
        List<Long> due = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            due.add(pacer.dueMillis(D1));
        }
        assertThat(due).containsExactly(0L, 250L, 500L, 750L, 1000L);
    }

    @Test
    void eventTimeSpreadsEachDatesRowsOverItsSlot() {
        Map<LocalDate, Integer> days = new TreeMap<>(Map.of(D1, 4, D2, 2));
        ReplayPacer pacer = new ReplayPacer(0, 2, days);
        List<Long> due = new ArrayList<>();
        for (LocalDate d : List.of(D1, D1, D1, D1, D2, D2)) {
            due.add(pacer.dueMillis(d));
        }
        assertThat(due).containsExactly(0L, 500L, 1000L, 1500L, 2000L, 3000L);
    }

    @Test
    void withBothPacesARowWaitsForTheLater() {
        Map<LocalDate, Integer> days = new TreeMap<>(Map.of(D1, 2, D2, 2));
        ReplayPacer pacer = new ReplayPacer(1, 1, days);
        List<Long> due = new ArrayList<>();
        for (LocalDate d : List.of(D1, D1, D2, D2)) {
            due.add(pacer.dueMillis(d));
        }
        // the 1 row/s cap is slower than 2 rows per 1 s day: it wins
        assertThat(due).containsExactly(0L, 1000L, 2000L, 3000L);
    }

    @Test
    void negativePacesNameTheirProperty() {
        assertThatThrownBy(() -> new ReplayPacer(-1, 0, Map.of())).hasMessageContaining("replay.rows-per-second");
        assertThatThrownBy(() -> new ReplayPacer(0, -2, Map.of())).hasMessageContaining("replay.seconds-per-day");
    }
}
