package lake;

import covid.CountyRow;

import java.time.LocalDate;
import java.util.List;

/** The rows of one Kafka partition and one date in a batch: one object in the lake. */
public record LakeObjectPlan(int partition, LocalDate date, long firstOffset, List<CountyRow> rows) {

    // Camel caches what it learns about a body keyed by the body itself: identity keeps that lookup from
    // hashing every row of the object (as ReplayChunk does)
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
