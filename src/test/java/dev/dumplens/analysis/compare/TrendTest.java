package dev.dumplens.analysis.compare;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrendTest {

    @Test
    void growingMeansNeverDownAndUpOverall() {
        assertThat(Trend.of(List.of(10, 20, 30, 40))).isEqualTo(Trend.GROWING);
        assertThat(Trend.of(List.of(10, 10, 20, 20))).isEqualTo(Trend.GROWING);
        assertThat(Trend.of(List.of(0, 5, 10))).isEqualTo(Trend.GROWING);
        assertThat(Trend.of(List.of(10, 20, 15, 40))).isEqualTo(Trend.FLUCTUATING);
    }

    @Test
    void shrinkingStableAndFluctuating() {
        assertThat(Trend.of(List.of(40, 30, 30, 10))).isEqualTo(Trend.SHRINKING);
        assertThat(Trend.of(List.of(8, 8, 8, 8))).isEqualTo(Trend.STABLE);
        assertThat(Trend.of(List.of(8))).isEqualTo(Trend.STABLE);
        assertThat(Trend.of(List.of(3, 5, 3))).isEqualTo(Trend.FLUCTUATING);
    }

    @Test
    void newAndGoneAreAboutAppearingAndDisappearing() {
        assertThat(Trend.of(List.of(0, 0, 3, 3))).isEqualTo(Trend.NEW);
        assertThat(Trend.of(List.of(0, 1))).isEqualTo(Trend.NEW);
        assertThat(Trend.of(List.of(5, 5, 0))).isEqualTo(Trend.GONE);
        assertThat(Trend.of(List.of(5, 2, 0))).isEqualTo(Trend.GONE);
        assertThat(Trend.of(List.of(0, 5, 0))).isEqualTo(Trend.FLUCTUATING);
        assertThat(Trend.of(List.of(5, 0, 5))).isEqualTo(Trend.FLUCTUATING);
        assertThat(Trend.of(List.of(0, 5, 3))).isEqualTo(Trend.FLUCTUATING);
    }

    @Test
    void labelsAreLowerCase() {
        assertThat(Trend.FLUCTUATING.label()).isEqualTo("fluctuating");
    }
}
