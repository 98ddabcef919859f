package lake;

import covid.CountyRow;

import java.util.List;

/** How the rows of one lake object are encoded. A new format is one new class. */
public interface RecordFormat extends AutoCloseable {

    /** The object name's extension, e.g. {@code parquet}. */
    String extension();

    byte[] encode(List<CountyRow> rows);

    @Override
    default void close() {
    }

    /** The format a {@code lake.format} value names. */
    static RecordFormat named(String name) {
        return switch (name.strip()) {
            case "parquet" -> new ParquetFormat();
            case "jsonl.gz" -> new JsonLinesGzipFormat();
            default -> throw new IllegalArgumentException("lake.format must be parquet or jsonl.gz, was '" + name + "'");
        };
    }
}
