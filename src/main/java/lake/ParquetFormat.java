package lake;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import covid.CountyRow;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parquet with zstd: date as DATE, counts as BIGINT, text as UTF-8 strings, every column optional (fips and
 * deaths hold nulls), one row group per object, PLAIN values in v1 data pages of at most 10,000 rows; no
 * statistics or dictionaries. Read back by DuckDB in the tests and by Trino, Athena's engine, in the Trino
 * check. Written here rather than by a library because a lake object is a thousand rows of six fixed columns:
 * DuckDB spent about 5.5 ms of fixed cost on each such object, which was the sink's largest cost, and
 * parquet-java needs Hadoop. Not thread-safe (it reuses its page buffers and zstd context): the sink has one, and
 * {@code LakeWriter} serializes the upload threads' calls.
 */
public final class ParquetFormat implements RecordFormat {

    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final int PAGE_ROWS = 10_000;
    private static final int ZSTD_LEVEL = 3;

    // Parquet's enums, from parquet.thrift
    private static final int INT32 = 1;
    private static final int INT64 = 2;
    private static final int BYTE_ARRAY = 6;
    private static final int OPTIONAL = 1;
    private static final int CONVERTED_UTF8 = 0;
    private static final int CONVERTED_DATE = 6;
    private static final int LOGICAL_STRING = 1;
    private static final int LOGICAL_DATE = 6;
    private static final int PLAIN = 0;
    private static final int RLE = 3;
    private static final int ZSTD = 6;
    private static final int DATA_PAGE = 0;

    /** The lake's columns, in order: how each is typed and how a row's value is written (false: null). */
    private enum Column {
        DATE("date", INT32, CONVERTED_DATE, LOGICAL_DATE) {
            boolean write(CountyRow row, ByteSink out) {
                out.intLE((int) row.date().toEpochDay());
                return true;
            }
        },
        COUNTY("county", BYTE_ARRAY, CONVERTED_UTF8, LOGICAL_STRING) {
            boolean write(CountyRow row, ByteSink out) {
                return text(row.county(), out);
            }
        },
        STATE("state", BYTE_ARRAY, CONVERTED_UTF8, LOGICAL_STRING) {
            boolean write(CountyRow row, ByteSink out) {
                return text(row.state(), out);
            }
        },
        FIPS("fips", BYTE_ARRAY, CONVERTED_UTF8, LOGICAL_STRING) {
            boolean write(CountyRow row, ByteSink out) {
                return text(row.fips(), out);
            }
        },
        CASES("cases", INT64, -1, -1) {
            boolean write(CountyRow row, ByteSink out) {
                out.longLE(row.cases());
                return true;
            }
        },
        DEATHS("deaths", INT64, -1, -1) {
            boolean write(CountyRow row, ByteSink out) {
                if (row.deaths() == null) {
                    return false;
                }
                out.longLE(row.deaths());
                return true;
            }
        };

        final String label;
        final int type;
        final int converted;
        final int logical;

        Column(String label, int type, int converted, int logical) {
            this.label = label;
            this.type = type;
            this.converted = converted;
            this.logical = logical;
        }

        abstract boolean write(CountyRow row, ByteSink out);

        private static boolean text(String value, ByteSink out) {
            if (value == null) {
                return false;
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            out.intLE(utf8.length);
            out.write(utf8, 0, utf8.length);
            return true;
        }
    }

    /** Where a column's pages landed in the file, for the footer. */
    private record Chunk(Column column, long offset, long compressed, long uncompressed) {
    }

    private final ByteSink levels = new ByteSink(1 << 10);
    private final ByteSink values = new ByteSink(1 << 16);
    private final ByteSink page = new ByteSink(1 << 16);
    private final ByteSink compressed = new ByteSink(1 << 16);
    private final ByteSink header = new ByteSink(64);
    private ZstdCompressCtx zstd;

    @Override
    public String extension() {
        return "parquet";
    }

    @Override
    public byte[] encode(List<CountyRow> rows) {
        ByteSink file = new ByteSink(rows.size() * 16 + 1024);
        file.write(MAGIC, 0, MAGIC.length);
        List<Chunk> chunks = new ArrayList<>(Column.values().length);
        for (Column column : Column.values()) {
            long offset = file.size();
            long uncompressed = 0;
            for (int from = 0; from < rows.size() || from == 0; from += PAGE_ROWS) {
                uncompressed += writePage(column, rows.subList(from, Math.min(rows.size(), from + PAGE_ROWS)), file);
            }
            chunks.add(new Chunk(column, offset, file.size() - offset, uncompressed));
        }
        int footerStart = file.size();
        footer(rows.size(), chunks, file);
        file.intLE(file.size() - footerStart);
        file.write(MAGIC, 0, MAGIC.length);
        return file.toArray();
    }

    /** One data page (v1): definition levels, then the non-null values, compressed together. */
    private long writePage(Column column, List<CountyRow> rows, ByteSink file) {
        levels.reset();
        values.reset();
        int run = 0;
        boolean runPresent = true;
        for (CountyRow row : rows) {
            boolean present = column.write(row, values);
            if (present != runPresent && run > 0) {
                levelRun(run, runPresent);
                run = 0;
            }
            runPresent = present;
            run++;
        }
        if (run > 0) {
            levelRun(run, runPresent);
        }
        page.reset();
        page.intLE(levels.size());
        page.write(levels);
        page.write(values);

        compressed.reset();
        int bound = (int) Zstd.compressBound(page.size());
        compressed.reserve(bound);
        int length = compressor().compressByteArray(compressed.array(), 0, bound, page.array(), 0, page.size());
        compressed.advance(length);

        header.reset();
        // PageHeader {1 type, 2 uncompressed_page_size, 3 compressed_page_size,
        //   5 data_page_header {1 num_values, 2 encoding, 3 definition_level_encoding, 4 repetition_level_encoding}}
        new ThriftCompact(header)
                .i32(1, DATA_PAGE)
                .i32(2, page.size())
                .i32(3, length)
                .struct(5)
                    .i32(1, rows.size())
                    .i32(2, PLAIN)
                    .i32(3, RLE)
                    .i32(4, RLE)
                .end()
                .end();
        file.write(header);
        file.write(compressed);
        return header.size() + page.size();
    }

    /** A run of equal definition levels in Parquet's RLE/bit-packed hybrid, bit width 1: count, then the level. */
    private void levelRun(int count, boolean present) {
        levels.varint((long) count << 1);
        levels.write(present ? 1 : 0);
    }

    /**
     * FileMetaData {1 version, 2 schema: the root, then per column SchemaElement {1 type, 3 repetition_type, 4 name,
     * 6 converted_type, 10 logicalType}, 3 num_rows, 4 row_groups: one RowGroup {1 columns: ColumnChunk {2 file_offset,
     * 3 meta_data: ColumnMetaData {1 type, 2 encodings, 3 path_in_schema, 4 codec, 5 num_values,
     * 6 total_uncompressed_size, 7 total_compressed_size, 9 data_page_offset}}, 2 total_byte_size, 3 num_rows,
     * 5 file_offset, 6 total_compressed_size}, 6 created_by}, as parquet.thrift numbers them.
     */
    private static void footer(int rowCount, List<Chunk> chunks, ByteSink file) {
        ThriftCompact meta = new ThriftCompact(file)
                .i32(1, 1)
                .list(2, ThriftCompact.STRUCT, 1 + chunks.size())
                .element().string(4, "schema").i32(5, chunks.size()).end();
        for (Chunk chunk : chunks) {
            Column column = chunk.column();
            meta.element().i32(1, column.type).i32(3, OPTIONAL).string(4, column.label);
            if (column.converted >= 0) {
                meta.i32(6, column.converted);
            }
            if (column.logical >= 0) {
                meta.struct(10).struct(column.logical).end().end();
            }
            meta.end();
        }
        long compressed = chunks.stream().mapToLong(Chunk::compressed).sum();
        long uncompressed = chunks.stream().mapToLong(Chunk::uncompressed).sum();
        meta.i64(3, rowCount)
                .list(4, ThriftCompact.STRUCT, 1)
                .element()
                .list(1, ThriftCompact.STRUCT, chunks.size());
        for (Chunk chunk : chunks) {
            meta.element()
                    .i64(2, chunk.offset())
                    .struct(3)
                        .i32(1, chunk.column().type)
                        .list(2, ThriftCompact.I32, 2).i32Element(PLAIN).i32Element(RLE)
                        .list(3, ThriftCompact.BINARY, 1).stringElement(chunk.column().label)
                        .i32(4, ZSTD)
                        .i64(5, rowCount)
                        .i64(6, chunk.uncompressed())
                        .i64(7, chunk.compressed())
                        .i64(9, chunk.offset())
                    .end()
                    .end();
        }
        meta.i64(2, uncompressed)
                .i64(3, rowCount)
                .i64(5, chunks.get(0).offset())
                .i64(6, compressed)
                .end()
                .string(6, "covid-pipeline")
                .end();
    }

    private ZstdCompressCtx compressor() {
        if (zstd == null) {
            zstd = new ZstdCompressCtx().setLevel(ZSTD_LEVEL);
        }
        return zstd;
    }

    @Override
    public void close() {
        if (zstd != null) {
            zstd.close();
            zstd = null;
        }
    }
}
