package trinocheck;

import reports.Report;
import reports.ResultTable;

/** What the check says of one report: same, different (the first difference), fails on Trino or on the emulator. */
final class ReportVerdict {

    private ReportVerdict() {
    }

    static String of(Report report, TrinoStatements trino, EmulatorQueries emulator) throws InterruptedException {
        Outcome onTrino = Outcome.of(() -> trino.run(report.sql()));
        Outcome onEmulator = Outcome.of(() -> emulator.run(report.sql()));
        if (onTrino.error() != null) {
            return "fails on Trino: " + onTrino.error()
                    + (onEmulator.error() == null ? "" : " (and on the emulator: " + onEmulator.error() + ")");
        }
        if (onEmulator.error() != null) {
            return "fails on the emulator: " + onEmulator.error();
        }
        return SameRows.firstDifference(onTrino.result(), onEmulator.result()).map(d -> "different: " + d)
                .orElse("same (" + onTrino.result().rows().size() + " rows)");
    }

    /** true for "same": the report may ship as it is. */
    static boolean same(String verdict) {
        return verdict.startsWith("same");
    }

    private interface Query {
        ResultTable run() throws QueryFailedException, InterruptedException;
    }

    /** A result, or the engine's error on one line (the table has a line per report). */
    private record Outcome(ResultTable result, String error) {

        static Outcome of(Query query) throws InterruptedException {
            try {
                return new Outcome(query.run(), null);
            } catch (QueryFailedException e) {
                return new Outcome(null, e.getMessage().replaceAll("\\s+", " ").strip());
            }
        }
    }
}
