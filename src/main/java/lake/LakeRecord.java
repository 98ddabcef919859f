package lake;

import covid.CountyRow;

/** A county row as the sink read it from Kafka: where it came from and what it says. */
public record LakeRecord(int partition, long offset, CountyRow row) {
}
