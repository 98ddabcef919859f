package reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SvgChartTest {

    private static final LocalDate FIRST = LocalDate.parse("2021-02-05");

    @Test
    void aDailyChartHasAColumnPerFigureAndItsAverageAsALineThatBreaksAtAGap() throws Exception {
        SortedMap<LocalDate, Long> daily = new TreeMap<>();
        daily.put(FIRST, null);
        daily.put(FIRST.plusDays(1), 120L);
        daily.put(FIRST.plusDays(2), -40L);
        daily.put(FIRST.plusDays(3), 0L);
        SortedMap<LocalDate, Double> average = new TreeMap<>();
        average.put(FIRST.plusDays(1), 10.5);
        average.put(FIRST.plusDays(3), 12.25);

        Element svg = Markup.parse(SvgChart.daily(new SvgChart.Labels("ohio-cases", "New cases in <Ohio> & 'Utah'", "Date",
                "New cases per day"), new SvgChart.Size(360, 200), "cases", daily, average));

        assertThat(svg.getAttribute("data-chart")).isEqualTo("ohio-cases");
        assertThat(Markup.texts(svg, "title[@id='ohio-cases-title']")).containsExactly("New cases in <Ohio> & 'Utah'");
        assertThat(Markup.texts(svg, "text[@class='axis-label']")).containsExactly("Date", "New cases per day");
        List<Element> columns = Markup.all(svg, "g[@class='daily cases']/rect");
        assertThat(columns).extracting(c -> c.getAttribute("data-key") + "=" + c.getAttribute("data-value"))
                .containsExactly("2021-02-06=120", "2021-02-07=-40", "2021-02-08=0");
        // the correction hangs below the zero line, the others stand on it
        double zero = Double.parseDouble(Markup.all(svg, "line[@class='axis']").get(0).getAttribute("y1"));
        assertThat(Double.parseDouble(columns.get(1).getAttribute("y"))).isEqualTo(zero);
        assertThat(Double.parseDouble(columns.get(0).getAttribute("y")) + Double.parseDouble(columns.get(0).getAttribute("height")))
                .isCloseTo(zero, within(0.15));
        assertThat(Markup.all(svg, "g[@class='average cases']/circle"))
                .extracting(c -> c.getAttribute("data-key") + "=" + c.getAttribute("data-value"))
                .containsExactly("2021-02-06=10.50", "2021-02-08=12.25");
        assertThat(Markup.all(svg, "path[@class='average cases']").get(0).getAttribute("d")).matches("M[0-9.,]+ M[0-9.,]+");
    }

    @Test
    void barsCarryTheirLabelsEscapedAndTheirValues() throws Exception {
        Element svg = Markup.parse(SvgChart.bars(new SvgChart.Labels("counties", "Top counties", "New cases", "County"), 800,
                "cases", List.of(new SvgChart.Bar("Prince George's, Maryland", 4_498, "4,498"),
                        new SvgChart.Bar("<script>alert(1)</script>", -3, "-3"))));

        assertThat(Markup.all(svg, "g[@class='bars cases']/rect"))
                .extracting(bar -> bar.getAttribute("data-key") + "=" + bar.getAttribute("data-value"))
                .containsExactly("Prince George's, Maryland=4498.0", "<script>alert(1)</script>=-3.0");
        assertThat(Markup.texts(svg, "g/text[@class='label']")).containsExactly("Prince George's, Maryland", "<script>alert(1)</script>");
        assertThat(Markup.all(svg, "//script")).isEmpty();
        assertThat(Markup.texts(svg, "text[@class='axis-label']")).containsExactly("New cases", "County");
        assertThat(svg.getAttribute("viewBox")).isEqualTo("0 0 800 130");
    }
}
