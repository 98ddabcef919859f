package lake;

import covid.CountyRow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Splits a batch into objects by Kafka partition and the row's own date (event time, never the wall clock).
 * An object is named after its first offset: the smallest offset of its date in the batch. However a
 * redelivered batch is cut, that offset is again the first of its date in whichever batch holds it, so a
 * rewrite lands on the same key.
 */
public final class LakePartitioner {

    private LakePartitioner() {
    }

    /** @param records in offset order within each partition */
    public static List<LakeObjectPlan> plan(List<LakeRecord> records) {
        Map<Group, List<LakeRecord>> groups = new LinkedHashMap<>();
        for (LakeRecord record : records) {
            groups.computeIfAbsent(new Group(record.partition(), record.row().date()), g -> new ArrayList<>()).add(record);
        }
        List<LakeObjectPlan> plans = new ArrayList<>(groups.size());
        groups.forEach((group, members) -> {
            List<CountyRow> rows = new ArrayList<>(members.size());
            members.forEach(m -> rows.add(m.row()));
            plans.add(new LakeObjectPlan(group.partition, group.date, members.get(0).offset(), rows));
        });
        return plans;
    }

    private record Group(int partition, LocalDate date) {
        Group {
            Objects.requireNonNull(date);
        }
    }
}
