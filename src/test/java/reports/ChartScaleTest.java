package reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChartScaleTest {

    @Test
    void theRangeWidensToRoundStepsAndTakesInZero() {
        ChartScale scale = ChartScale.over(3_606, 27_290, 6);
        assertThat(scale.ticks()).containsExactly(0.0, 5_000.0, 10_000.0, 15_000.0, 20_000.0, 25_000.0, 30_000.0);
        assertThat(scale.label(25_000)).isEqualTo("25k");
        assertThat(scale.label(0)).isEqualTo("0");
        assertThat(scale.at(15_000, 0, 300)).isEqualTo(150.0);
    }

    @Test
    void aCorrectionBelowZeroGetsTicksBelowZero() {
        ChartScale scale = ChartScale.over(-120, 900, 4);
        assertThat(scale.ticks()).containsExactly(-500.0, 0.0, 500.0, 1_000.0);
        assertThat(scale.label(-500)).isEqualTo("-500");
        assertThat(scale.label(1_000)).isEqualTo("1,000");
        // pixels grow downwards in SVG: the low end of the scale at the bottom
        assertThat(scale.at(0, 200, 50)).isEqualTo(150.0);
    }

    @Test
    void smallStepsKeepTheirDecimalsAndLargeFiguresAreShort() {
        assertThat(ChartScale.over(0.5, 2.91, 6).ticks()).containsExactly(0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0);
        assertThat(ChartScale.over(0.5, 2.91, 6).label(1.5)).isEqualTo("1.5");
        assertThat(ChartScale.over(0, 1_234_567, 5).label(1_200_000)).isEqualTo("1.2M");
    }

    @Test
    void valuesAllZeroStillMakeAScale() {
        assertThat(ChartScale.over(0, 0, 5).ticks()).first().isEqualTo(0.0);
        assertThat(ChartScale.over(0, 0, 5).at(0, 100, 0)).isEqualTo(100.0);
    }
}
