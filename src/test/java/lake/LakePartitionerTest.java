package lake;

import static org.assertj.core.api.Assertions.assertThat;

import covid.CountyRow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LakePartitionerTest {

    private static final LocalDate D1 = LocalDate.of(2023, 1, 1);
    private static final LocalDate D2 = LocalDate.of(2023, 1, 2);

    private static LakeRecord record(int partition, long offset, LocalDate date) {
        return new LakeRecord(partition, offset, new CountyRow(0, date, "C" + offset, "S", null, offset, null));
    }

    @Test
    void oneObjectPerPartitionAndDateNamedByItsFirstOffset() {
        List<LakeObjectPlan> plans = LakePartitioner.plan(List.of(
                record(0, 10, D1), record(0, 11, D1), record(0, 12, D2),
                record(1, 5, D1), record(1, 6, D2), record(1, 7, D1)));
        assertThat(plans).extracting(LakeObjectPlan::partition, LakeObjectPlan::date, LakeObjectPlan::firstOffset,
                p -> p.rows().size()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, D1, 10L, 2),
                org.assertj.core.groups.Tuple.tuple(0, D2, 12L, 1),
                org.assertj.core.groups.Tuple.tuple(1, D1, 5L, 2),
                org.assertj.core.groups.Tuple.tuple(1, D2, 6L, 1));
    }

    /**
     * The exactly-once argument: objects written by a first, uncommitted pass over offsets are all
     * overwritten by a second pass from the same committed offset, whatever its batch boundaries.
     */
    @Test
    void aRedeliveryCutDifferentlyRewritesEveryKeyOfTheFirstPass() {
        List<LakeRecord> log = new ArrayList<>();
        LocalDate[] dates = {D1, D2, D1, D1, D2, D2, D1, D2, D2, D1, D1, D2};
        for (int i = 0; i < dates.length; i++) {
            log.add(record(0, 100 + i, dates[i]));
        }
        List<Long> firstPass = keys(LakePartitioner.plan(log.subList(0, 7)));
        List<Long> secondPass = new ArrayList<>();
        for (int[] cut : new int[][] {{0, 2}, {2, 5}, {5, 12}}) {
            secondPass.addAll(keys(LakePartitioner.plan(log.subList(cut[0], cut[1]))));
        }
        assertThat(secondPass).containsAll(firstPass);
    }

    private static List<Long> keys(List<LakeObjectPlan> plans) {
        return plans.stream().map(LakeObjectPlan::firstOffset).toList();
    }
}
