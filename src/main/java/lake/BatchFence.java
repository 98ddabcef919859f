package lake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * Keeps, of the records a consumer gathered over several polls, only those it may still store: records of
 * partitions it still owns, not yet committed (by it or by another instance after a rebalance), each offset
 * once. Without this a rebalance in the middle of a batch would store rows that the partition's new owner
 * stores too, or store re-fetched rows twice.
 */
public final class BatchFence {

    private BatchFence() {
    }

    /**
     * @param owned     partitions this consumer owns now
     * @param committed the group's committed offset (next offset to read) per partition; absent = none
     * @return the kept records, grouped by partition, in offset order
     */
    public static <T> Map<Integer, List<T>> keep(Collection<T> records, ToIntFunction<T> partition, ToLongFunction<T> offset,
                                                 Collection<Integer> owned, Map<Integer, Long> committed) {
        Map<Integer, TreeMap<Long, T>> byPartition = new TreeMap<>();
        for (T record : records) {
            int p = partition.applyAsInt(record);
            long o = offset.applyAsLong(record);
            if (owned.contains(p) && o >= committed.getOrDefault(p, 0L)) {
                byPartition.computeIfAbsent(p, k -> new TreeMap<>()).put(o, record);
            }
        }
        Map<Integer, List<T>> kept = new TreeMap<>();
        byPartition.forEach((p, byOffset) -> kept.put(p, new ArrayList<>(byOffset.values())));
        return kept;
    }
}
