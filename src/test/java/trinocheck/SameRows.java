package trinocheck;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import reports.ResultTable;

/**
 * Whether Trino and the emulator gave a report the same result: the same column names, and the same rows in the
 * same order, compared as text, except that numbers are compared by value, since the engines print them
 * differently (1.0 or 1, 2.5 or 2.50) and sum doubles in another order.
 */
final class SameRows {

    static final String RULES = "Rows compared in order, as text; numbers by value (1.0 = 1, 2.50 = 2.5), doubles to "
            + "15 significant digits; NULL equals only NULL.";

    private static final Pattern NUMBER = Pattern.compile("tinyint|smallint|integer|bigint|real|float|double|decimal.*");
    private static final Pattern FLOATING = Pattern.compile("real|float|double");
    /** A double holds 15 significant decimal digits for sure; the rest is the order the engine added them in. */
    private static final MathContext DOUBLE_DIGITS = new MathContext(15);

    private SameRows() {
    }

    /** The first difference, said in a line, or empty when there is none. */
    static Optional<String> firstDifference(ResultTable trino, ResultTable emulator) {
        if (!trino.columns().equals(emulator.columns())) {
            return Optional.of("columns: Trino " + trino.columns() + ", emulator " + emulator.columns());
        }
        int rows = Math.max(trino.rows().size(), emulator.rows().size());
        for (int r = 0; r < rows; r++) {
            List<String> trinoRow = r < trino.rows().size() ? trino.rows().get(r) : null;
            List<String> emulatorRow = r < emulator.rows().size() ? emulator.rows().get(r) : null;
            if (trinoRow == null || emulatorRow == null || !same(trino, emulator, trinoRow, emulatorRow)) {
                return Optional.of("row " + (r + 1) + ": Trino " + shown(trinoRow, trino) + ", emulator "
                        + shown(emulatorRow, emulator));
            }
        }
        return Optional.empty();
    }

    private static boolean same(ResultTable trino, ResultTable emulator, List<String> trinoRow, List<String> emulatorRow) {
        for (int c = 0; c < trinoRow.size(); c++) {
            String trinoType = trino.types().get(c);
            String emulatorType = emulator.types().get(c);
            boolean number = NUMBER.matcher(trinoType).matches() || NUMBER.matcher(emulatorType).matches();
            boolean floating = FLOATING.matcher(trinoType).matches() || FLOATING.matcher(emulatorType).matches();
            if (!sameValue(trinoRow.get(c), emulatorRow.get(c), number, floating)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(String a, String b, boolean number, boolean floating) {
        if (a == null || b == null) {
            return a == b;
        }
        Optional<BigDecimal> x = number ? decimal(a) : Optional.empty();
        Optional<BigDecimal> y = number ? decimal(b) : Optional.empty();
        if (x.isEmpty() || y.isEmpty()) {
            return a.equals(b); // text, or NaN and Infinity
        }
        if (floating) {
            return x.get().round(DOUBLE_DIGITS).compareTo(y.get().round(DOUBLE_DIGITS)) == 0;
        }
        return x.get().compareTo(y.get()) == 0;
    }

    private static Optional<BigDecimal> decimal(String text) {
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String shown(List<String> row, ResultTable table) {
        if (row == null) {
            return "has no row (" + table.rows().size() + " rows)";
        }
        return row.stream().map(v -> v == null ? "NULL" : v).toList().toString();
    }
}
