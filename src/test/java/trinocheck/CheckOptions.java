package trinocheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import reports.Report;

/**
 * What to check and on which lake, from the command line: report SQL files (all of the pipeline's by default),
 * and either a CSV file to replay into a new lake or the data dir of an earlier run.
 */
record CheckOptions(List<Report> reports, Path replayFile, Path dataDir) {

    static final String USAGE = """
            usage: tools/trino-check.sh [--replay FILE.csv | --data-dir DIR] [REPORT.sql ...]
              REPORT.sql        the report files to check; default: every src/main/resources/sql/*.sql
              --replay FILE     the CSV the pipeline replays into a new lake in target/trino-check/data;
                                default: samples/nyt-us-counties-2021-02-05_2021-03-06.csv (30 days)
              --data-dir DIR    use the lake and Glue catalog of a run that has ended instead, e.g. data
                                (the default run's) or target/trino-check/data (the last check's)""";

    private static final Path REPORTS = Path.of("src/main/resources/sql");
    private static final Path SAMPLE = Path.of("samples/nyt-us-counties-2021-02-05_2021-03-06.csv");
    /** Where the check keeps what it writes: the new lake, Trino's files and log. */
    static final Path WORK = Path.of("target/trino-check");
    private static final Path NEW_LAKE = WORK.resolve("data");

    /** @throws IllegalArgumentException saying what is wrong with the arguments */
    static CheckOptions parse(String... args) {
        List<Path> reportFiles = new ArrayList<>();
        Path replay = null;
        Path dataDir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--replay" -> replay = Path.of(value(args, ++i, "--replay"));
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir"));
                default -> {
                    if (args[i].startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + args[i]);
                    }
                    reportFiles.add(Path.of(args[i]));
                }
            }
        }
        if (replay != null && dataDir != null) {
            throw new IllegalArgumentException("--replay writes a new lake, --data-dir uses an existing one: give one of them");
        }
        if (dataDir != null && !Files.isRegularFile(dataDir.resolve("glue/glue-catalog.json"))) {
            throw new IllegalArgumentException(dataDir + " holds no catalogued lake (no glue/glue-catalog.json): give the "
                    + "local.data-dir of a pipeline run that got as far as its crawl");
        }
        if (dataDir == null && replay == null) {
            replay = SAMPLE;
        }
        if (replay != null && !Files.isRegularFile(replay)) {
            throw new IllegalArgumentException("no file " + replay);
        }
        return new CheckOptions(read(reportFiles.isEmpty() ? shippedReports() : reportFiles), replay,
                dataDir == null ? NEW_LAKE : dataDir);
    }

    /** The reports, named as the report route names them (file name without .sql). */
    private static List<Report> read(List<Path> files) {
        List<Report> reports = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no report file " + file);
            }
            try {
                reports.add(Report.fromFile(file.getFileName().toString(), Files.readString(file)));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the report " + file + ": " + e.getMessage(), e);
            }
        }
        return reports;
    }

    private static List<Path> shippedReports() {
        try (Stream<Path> files = Files.list(REPORTS)) {
            return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + REPORTS + " (run from the project folder): " + e.getMessage(), e);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
