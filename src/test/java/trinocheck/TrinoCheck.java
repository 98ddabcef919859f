package trinocheck;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import local.LoopbackPorts;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import reports.Report;
import reports.ResultTable;
import settings.Settings;
import support.TestProperties;

/**
 * Checks report SQL on real Trino, the engine under Athena engine v3: runs each report on Trino's Hive connector
 * over a lake this pipeline wrote and on the local Athena emulator (DuckDB) over the same lake, and prints per
 * report whether the results are the same. tools/trino-check.sh runs it; its comment says how.
 */
public final class TrinoCheck {

    private TrinoCheck() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(CheckOptions.USAGE);
            return;
        }
        CheckOptions options;
        try {
            options = CheckOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(CheckOptions.USAGE);
            System.exit(2);
            return;
        }
        // the pipeline run that writes the lake shows its errors, not its warnings; the in-process broker says
        // nothing (on a busy machine it logs late heartbeats as errors), and a failed run still says why
        Configurator.setRootLevel(Level.ERROR);
        Configurator.setLevel("org.apache.kafka", Level.OFF);
        Configurator.setLevel("kafka", Level.OFF);
        System.exit(run(options, Path.of(System.getProperty("trino.home")), Path.of(System.getProperty("trino.java-home"))));
    }

    /** @return 0 when every report gives the same rows on both */
    private static int run(CheckOptions options, Path trinoHome, Path javaHome) throws Exception {
        long start = System.nanoTime();
        int port = LoopbackPorts.free();
        TrinoConfig config = TrinoConfig.write(CheckOptions.WORK.resolve("trino"), trinoHome, options.dataDir().resolve("s3"), port);
        System.out.println("Trino: starting " + trinoHome.getFileName() + " on " + javaHome + " (its log: " + config.log() + ")");
        try (TrinoServer trino = TrinoServer.start(trinoHome, javaHome, config, port)) {
            // the lake is written while Trino starts: both take half a minute or more
            if (options.replayFile() != null) {
                System.out.println("Lake: replaying " + options.replayFile() + " through the pipeline into " + options.dataDir());
                System.out.printf("Lake: written and crawled in %.1f s%n", seconds(ReplayedLake.write(options.replayFile(), options.dataDir())));
            }
            try (EmulatorQueries emulator = new EmulatorQueries(options.dataDir(), new Settings(TestProperties.context()))) {
                Duration startup = trino.awaitStarted();
                System.out.printf("Trino: up in %.1f s at %s%n", seconds(startup), trino.uri());
                TrinoStatements statements = new TrinoStatements(trino.uri(), TrinoConfig.CATALOG, emulator.database());
                for (String table : TrinoLakeTables.copy(emulator.glue(), emulator.database(), statements)) {
                    System.out.println("Trino: table " + table);
                }
                long checkStart = System.nanoTime();
                List<List<String>> verdicts = new ArrayList<>();
                for (Report report : options.reports()) {
                    verdicts.add(List.of(report.name(), ReportVerdict.of(report, statements, emulator)));
                }
                System.out.println();
                System.out.println(new ResultTable(List.of("report", "on Trino " + trinoVersion(trinoHome) + " vs the emulator"),
                        List.of("varchar", "varchar"), verdicts).toText(verdicts.size()));
                System.out.println(SameRows.RULES);
                System.out.printf("Trino up in %.1f s, %d reports checked in %.1f s, the check took %.1f s (after compiling)%n", seconds(startup),
                        verdicts.size(), seconds(Duration.ofNanos(System.nanoTime() - checkStart)),
                        seconds(Duration.ofNanos(System.nanoTime() - start)));
                return verdicts.stream().allMatch(v -> ReportVerdict.same(v.get(1))) ? 0 : 1;
            }
        }
    }

    /** trino-server-476 says 476. */
    private static String trinoVersion(Path trinoHome) {
        return trinoHome.getFileName().toString().replaceFirst("^trino-server-", "");
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
