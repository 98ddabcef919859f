package lake;

import covid.CountyRow;

import java.time.LocalDate;
import java.util.List;

/**
 * The rows of one Kafka partition and one date in a batch: one object in the lake. A class, not a record: Camel
 * caches what it learns about a body keyed by the body itself, and a record's equality would hash every row of
 * the object for each lookup; a plan is only ever equal to itself.
 */
public final class LakeObjectPlan {

    private final int partition;
    private final LocalDate date;
    private final long firstOffset;
    private final List<CountyRow> rows;

    public LakeObjectPlan(int partition, LocalDate date, long firstOffset, List<CountyRow> rows) {
        this.partition = partition;
        this.date = date;
        this.firstOffset = firstOffset;
        this.rows = rows;
    }

    public int partition() {
        return partition;
    }

    public LocalDate date() {
        return date;
    }

    public long firstOffset() {
        return firstOffset;
    }

    public List<CountyRow> rows() {
        return rows;
    }
}
