package local.aws;

import java.time.Instant;
import java.util.List;

/** A table of the Glue catalog as a crawler wrote it, with its registered partitions in key order. */
record GlueTable(String database, String name, LakeFormat format, String location, List<Column> columns,
                 List<String> partitionKeys, List<Partition> partitions, String crawler,
                 Instant createTime, Instant updateTime) {

    /** The table with these partitions registered, as BatchCreatePartition leaves it: schema and times unchanged. */
    GlueTable withPartitions(List<Partition> registered) {
        return new GlueTable(database, name, format, location, columns, partitionKeys, List.copyOf(registered), crawler,
                createTime, updateTime);
    }

    /** A registered partition: Athena reads only these, at their location. */
    record Partition(List<String> values, String location, Instant creationTime) {
    }
}
