package reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A chart's value axis. The values' range is widened to round steps (1, 2 or 5 times a power of ten), so that the
 * gridlines fall on figures a reader can use, and always takes in zero, so that columns and bars keep their
 * proportions (a correction's negative value goes below it).
 */
final class ChartScale {

    private final double low;
    private final double high;
    private final double step;

    private ChartScale(double low, double high, double step) {
        this.low = low;
        this.high = high;
        this.step = step;
    }

    /** The smallest round scale over zero and the values from {@code min} to {@code max}, in at most about {@code ticks} steps. */
    static ChartScale over(double min, double max, int ticks) {
        double from = Math.min(0, min);
        double to = Math.max(0, max);
        if (to == from) {
            to = from + 1;
        }
        double rough = (to - from) / Math.max(1, ticks);
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double step = power * (rough <= power ? 1 : rough <= 2 * power ? 2 : rough <= 5 * power ? 5 : 10);
        return new ChartScale(Math.floor(from / step) * step, Math.ceil(to / step) * step, step);
    }

    /** Where the value falls between the pixel of the scale's low end and that of its high end. */
    double at(double value, double lowPixel, double highPixel) {
        return lowPixel + (value - low) / (high - low) * (highPixel - lowPixel);
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        long steps = Math.round((high - low) / step);
        for (long i = 0; i <= steps; i++) {
            ticks.add(low + i * step);
        }
        return ticks;
    }

    /** A tick's label: short for large figures (20k, 1.5M), with as many decimals as the step needs. */
    String label(double value) {
        double top = Math.max(Math.abs(low), Math.abs(high));
        double unit = top >= 1e6 ? 1e6 : top >= 1e4 ? 1e3 : 1;
        String suffix = unit == 1e6 ? "M" : unit == 1e3 ? "k" : "";
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step / unit) + 1e-9));
        if (Math.abs(value) < step / 1e6) {
            return "0";
        }
        double shown = value / unit;
        return String.format(Locale.ROOT, "%,." + decimals + "f", shown) + suffix;
    }
}
