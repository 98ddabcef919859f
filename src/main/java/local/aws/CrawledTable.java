package local.aws;

import java.util.List;

/** What a crawl found in one table folder of the lake: its schema and the partition folders holding data. */
record CrawledTable(String name, LakeFormat format, String location, List<Column> columns,
                    List<String> partitionKeys, List<Partition> partitions) {

    /** A folder such as dt=2023-01-01 that holds data files: its key values, outermost first. */
    record Partition(List<String> values, String location) {
    }
}
