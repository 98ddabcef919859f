package local.aws;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The file formats the crawler classifies, with what Glue records for them and how DuckDB reads them. */
enum LakeFormat {

    PARQUET("parquet", "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
            "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
            "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe") {
        @Override
        boolean holds(String fileName) {
            return fileName.endsWith(".parquet");
        }

        @Override
        String scan(List<Path> files, String options) {
            return "read_parquet(" + fileList(files) + ", " + options + ")";
        }
    },

    JSON("json", "org.apache.hadoop.mapred.TextInputFormat",
            "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
            "org.openx.data.jsonserde.JsonSerDe") {
        @Override
        boolean holds(String fileName) {
            return fileName.endsWith(".json") || fileName.endsWith(".jsonl") || fileName.endsWith(".jsonl.gz")
                    || fileName.endsWith(".json.gz");
        }

        @Override
        String scan(List<Path> files, String options) {
            return "read_json(" + fileList(files) + ", format='newline_delimited', " + options + ")";
        }
    };

    final String classification;
    final String inputFormat;
    final String outputFormat;
    final String serde;

    LakeFormat(String classification, String inputFormat, String outputFormat, String serde) {
        this.classification = classification;
        this.inputFormat = inputFormat;
        this.outputFormat = outputFormat;
        this.serde = serde;
    }

    abstract boolean holds(String fileName);

    /** A DuckDB table function reading the files; {@code options} are its named parameters. */
    abstract String scan(List<Path> files, String options);

    boolean holds(Path file) {
        return holds(file.getFileName().toString());
    }

    static Optional<LakeFormat> of(Path file) {
        for (LakeFormat format : values()) {
            if (format.holds(file)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    private static String fileList(List<Path> files) {
        return files.stream().map(f -> Sql.literal(f.toString())).collect(Collectors.joining(", ", "[", "]"));
    }
}
