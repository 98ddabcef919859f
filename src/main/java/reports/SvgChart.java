package reports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * The report page's charts, drawn here as SVG so that the page needs no script and no library: daily figures as
 * columns under their 7-day average as a line, and labelled horizontal bars. Every mark carries its figure
 * ({@code data-key}, {@code data-value} and a tooltip), for a reader pointing at it and for a test reading what was
 * drawn. The page's stylesheet colours the marks by class, in light and in dark mode.
 */
final class SvgChart {

    /** A chart's size in its own units; the page scales it to the width it has. */
    record Size(int width, int height) {
    }

    /** What a chart says about itself: its id on the page, its title, and what each axis shows. */
    record Labels(String id, String title, String xAxis, String yAxis) {
    }

    /** One bar: what it stands for, its value, and the value as a reader sees it. */
    record Bar(String label, double value, String shown) {
    }

    /** Where the marks go, inside the room for the title, the legend and the axes. */
    private record Plot(double left, double top, double right, double bottom) {
    }

    private static final DateTimeFormatter TICK_DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    private static final int TITLE_HEIGHT = 46;
    private static final int AXIS_HEIGHT = 44;
    private static final int VALUE_AXIS_WIDTH = 62;
    private static final int GAP = 14;
    private static final int BAR_HEIGHT = 20;
    private static final int VALUE_TEXT_WIDTH = 64;
    /** About the width of a character of the 12-unit font: room for the bars' labels. */
    private static final double CHARACTER_WIDTH = 6.6;
    /** Pixels between gridlines, at the least. */
    private static final int GRID_SPACING = 40;
    /** Steps between the days labelled on a time axis: a day, two, a week, two weeks, four, a quarter, a year. */
    private static final int[] DAY_STEPS = {1, 2, 7, 14, 28, 91, 364};

    private SvgChart() {
    }

    /**
     * Daily figures as columns and their 7-day average as a line, over every calendar day from the first of
     * {@code daily} to its last. {@code series} is the class the page colours them by (cases, deaths).
     */
    static String daily(Labels labels, Size size, String series, SortedMap<LocalDate, Long> daily,
                        SortedMap<LocalDate, Double> average) {
        LocalDate first = daily.firstKey();
        int days = (int) ChronoUnit.DAYS.between(first, daily.lastKey()) + 1;
        Plot plot = new Plot(VALUE_AXIS_WIDTH, TITLE_HEIGHT, size.width() - GAP, size.height() - AXIS_HEIGHT);
        double band = (plot.right() - plot.left()) / days;
        DoubleSummaryStatistics range = Stream.concat(daily.values().stream().filter(Objects::nonNull).map(Long::doubleValue),
                average.values().stream()).mapToDouble(Double::doubleValue).summaryStatistics();
        ChartScale scale = scale(range, plot.bottom() - plot.top());

        StringBuilder svg = open(labels, size);
        legend(svg, series);
        for (double tick : scale.ticks()) {
            double y = scale.at(tick, plot.bottom(), plot.top());
            svg.append(line("gridline", plot.left(), y, plot.right(), y))
                    .append(text("tick", plot.left() - 6, y + 4, "end", scale.label(tick)));
        }
        int step = dayStep(days, (plot.right() - plot.left()) / 64);
        for (int day = 0; day < days; day += step) {
            svg.append(text("tick", plot.left() + (day + 0.5) * band, plot.bottom() + 16, "middle",
                    TICK_DAY.format(first.plusDays(day))));
        }
        double zero = scale.at(0, plot.bottom(), plot.top());
        svg.append("<g class=\"daily ").append(series).append("\">");
        for (Map.Entry<LocalDate, Long> day : daily.entrySet()) {
            if (day.getValue() != null) {
                double y = scale.at(day.getValue(), plot.bottom(), plot.top());
                double x = plot.left() + ChronoUnit.DAYS.between(first, day.getKey()) * band;
                svg.append(mark(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"",
                                x + band * 0.15, Math.min(y, zero), Math.max(band * 0.7, 0.5), Math.abs(zero - y)),
                        "rect", day.getKey().toString(), day.getValue().toString(), String.format(Locale.ROOT, "%,d", day.getValue())));
            }
        }
        svg.append("</g>");
        StringBuilder path = new StringBuilder();
        StringBuilder points = new StringBuilder();
        LocalDate previous = null;
        for (Map.Entry<LocalDate, Double> day : average.entrySet()) {
            double x = plot.left() + (ChronoUnit.DAYS.between(first, day.getKey()) + 0.5) * band;
            double y = scale.at(day.getValue(), plot.bottom(), plot.top());
            // a day without an average breaks the line rather than bridging it
            boolean follows = previous != null && previous.plusDays(1).equals(day.getKey());
            path.append(String.format(Locale.ROOT, "%s%.1f,%.1f ", follows ? "L" : "M", x, y));
            points.append(mark(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\"", x, y), "circle",
                    day.getKey().toString(), String.format(Locale.ROOT, "%.2f", day.getValue()),
                    String.format(Locale.ROOT, "%,.1f (7-day average)", day.getValue())));
            previous = day.getKey();
        }
        svg.append("<path class=\"average ").append(series).append("\" d=\"").append(path.toString().strip()).append("\"/>")
                .append("<g class=\"average ").append(series).append("\">").append(points).append("</g>")
                .append(line("axis", plot.left(), zero, plot.right(), zero));
        return close(svg, labels, size, plot);
    }

    /** Horizontal bars in the order given, each labelled and with its value at its end. */
    static String bars(Labels labels, int width, String series, List<Bar> bars) {
        int longest = bars.stream().mapToInt(bar -> bar.label().length()).max().orElse(0);
        double labelWidth = Math.min(240, Math.max(60, longest * CHARACTER_WIDTH));
        Size size = new Size(width, TITLE_HEIGHT + bars.size() * BAR_HEIGHT + AXIS_HEIGHT);
        Plot plot = new Plot(24 + labelWidth, TITLE_HEIGHT, width - VALUE_TEXT_WIDTH, TITLE_HEIGHT + bars.size() * BAR_HEIGHT);
        ChartScale scale = scale(bars.stream().mapToDouble(Bar::value).summaryStatistics(), plot.right() - plot.left());

        StringBuilder svg = open(labels, size);
        for (double tick : scale.ticks()) {
            double x = scale.at(tick, plot.left(), plot.right());
            svg.append(line("gridline", x, plot.top(), x, plot.bottom()))
                    .append(text("tick", x, plot.bottom() + 16, "middle", scale.label(tick)));
        }
        double zero = scale.at(0, plot.left(), plot.right());
        svg.append("<g class=\"bars ").append(series).append("\">");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y = plot.top() + i * BAR_HEIGHT;
            double x = scale.at(bar.value(), plot.left(), plot.right());
            svg.append(text("label", plot.left() - 6, y + BAR_HEIGHT * 0.7, "end", bar.label()))
                    .append(mark(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"",
                            Math.min(x, zero), y + 3, Math.abs(x - zero), BAR_HEIGHT - 6.0), "rect", bar.label(),
                            Double.toString(bar.value()), bar.label() + ": " + bar.shown()))
                    .append(text("value", Math.max(x, zero) + 4, y + BAR_HEIGHT * 0.7, "start", bar.shown()));
        }
        svg.append("</g>").append(line("axis", zero, plot.top(), zero, plot.bottom()));
        return close(svg, labels, size, plot);
    }

    private static ChartScale scale(DoubleSummaryStatistics values, double pixels) {
        return values.getCount() == 0 ? ChartScale.over(0, 0, 1)
                : ChartScale.over(values.getMin(), values.getMax(), (int) Math.max(1, pixels / GRID_SPACING));
    }

    /** The fewest days between labels that leaves no more than {@code most} of them. */
    private static int dayStep(int days, double most) {
        for (int step : DAY_STEPS) {
            if (Math.ceil(days / (double) step) <= most) {
                return step;
            }
        }
        return DAY_STEPS[DAY_STEPS.length - 1];
    }

    private static StringBuilder open(Labels labels, Size size) {
        String id = Html.escape(labels.id());
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" "
                        + "aria-labelledby=\"%s-title\" data-chart=\"%s\"><title id=\"%s-title\">%s</title>",
                size.width(), size.height(), id, id, id, Html.escape(labels.title())))
                .append(text("title", 0, 16, "start", labels.title()));
    }

    private static String close(StringBuilder svg, Labels labels, Size size, Plot plot) {
        double middle = (plot.top() + plot.bottom()) / 2;
        return svg.append(text("axis-label", (plot.left() + plot.right()) / 2, size.height() - 8, "middle", labels.xAxis()))
                .append(String.format(Locale.ROOT, "<text class=\"axis-label\" text-anchor=\"middle\" "
                        + "transform=\"translate(12 %.1f) rotate(-90)\">%s</text>", middle, Html.escape(labels.yAxis())))
                .append("</svg>").toString();
    }

    /** Says which mark is which, under the title. */
    private static void legend(StringBuilder svg, String series) {
        svg.append("<g class=\"legend\"><rect class=\"daily ").append(series).append("\" x=\"0\" y=\"26\" width=\"10\" height=\"10\"/>")
                .append(text("legend", 14, 35, "start", "daily"))
                .append(line("average " + series, 64, 31, 84, 31))
                .append(text("legend", 88, 35, "start", "7-day average"))
                .append("</g>");
    }

    /** A mark with its figure: {@code start} is the element's opening tag, not yet closed. */
    private static String mark(String start, String element, String key, String value, String tooltip) {
        return start + " data-key=\"" + Html.escape(key) + "\" data-value=\"" + Html.escape(value) + "\"><title>"
                + Html.escape(tooltip) + "</title></" + element + ">";
    }

    private static String line(String css, double x1, double y1, double x2, double y2) {
        return String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", css, x1, y1, x2, y2);
    }

    private static String text(String css, double x, double y, String anchor, String content) {
        return String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>",
                css, x, y, anchor, Html.escape(content));
    }
}
