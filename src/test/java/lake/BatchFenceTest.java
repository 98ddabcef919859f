package lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BatchFenceTest {

    record Rec(int partition, long offset) {
    }

    private static Map<Integer, List<Rec>> keep(List<Rec> batch, Set<Integer> owned, Map<Integer, Long> committed) {
        return BatchFence.keep(batch, Rec::partition, Rec::offset, owned, committed);
    }

    @Test
    void keepsOwnedUncommittedRecordsInOffsetOrderOncePerOffset() {
        List<Rec> batch = List.of(new Rec(0, 5), new Rec(0, 6), new Rec(1, 3), new Rec(0, 5), new Rec(0, 4));
        assertThat(keep(batch, Set.of(0, 1), Map.of())).containsExactly(
                Map.entry(0, List.of(new Rec(0, 4), new Rec(0, 5), new Rec(0, 6))),
                Map.entry(1, List.of(new Rec(1, 3))));
    }

    @Test
    void dropsPartitionsThatMovedToAnotherInstance() {
        List<Rec> batch = List.of(new Rec(0, 1), new Rec(2, 1));
        assertThat(keep(batch, Set.of(0), Map.of())).containsOnlyKeys(0);
    }

    @Test
    void dropsRecordsAnotherInstanceAlreadyCommitted() {
        List<Rec> batch = List.of(new Rec(0, 8), new Rec(0, 9), new Rec(0, 10), new Rec(0, 11));
        assertThat(keep(batch, Set.of(0), Map.of(0, 10L)).get(0)).containsExactly(new Rec(0, 10), new Rec(0, 11));
    }
}
