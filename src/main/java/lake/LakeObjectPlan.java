package lake;

import covid.CountyRow;

import java.time.LocalDate;
import java.util.List;

/** The rows of one Kafka partition and one date in a batch: one object in the lake. */
public record LakeObjectPlan(int partition, LocalDate date, long firstOffset, List<CountyRow> rows) {
}
