package io.nova.bench.load;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchSettingsTest {

    @AfterEach
    void clear() {
        System.clearProperty("nova.rates");
        System.clearProperty("nova.url");
        System.clearProperty("nova.levelSeconds");
    }

    @Test
    void levelsFollowTheWarmUp() {
        System.setProperty("nova.rates", "100, 200,300");
        BenchSettings settings = BenchSettings.fromSystemProperties();
        assertThat(settings.rates()).containsExactly(100, 200, 300);
        assertThat(settings.levelAt(59.9)).isEqualTo(-1);
        assertThat(settings.levelAt(60)).isZero();
        assertThat(settings.levelAt(89.9)).isZero();
        assertThat(settings.levelAt(90)).isEqualTo(1);
        assertThat(settings.levelAt(1000)).isEqualTo(2);  // the tail of the last level stays in it
    }

    @Test
    void aRunLongerThanATokenLivesIsRefused() {
        System.setProperty("nova.levelSeconds", "120");
        assertThatThrownBy(BenchSettings::fromSystemProperties).hasMessageContaining("under 14 minutes");
    }

    @Test
    void badSettingsAreNamed() {
        System.setProperty("nova.url", "127.0.0.1:8080");
        assertThatThrownBy(BenchSettings::fromSystemProperties).hasMessageContaining("nova.url");
        System.setProperty("nova.url", "http://127.0.0.1:8080/");
        System.setProperty("nova.rates", "100,0");
        assertThatThrownBy(BenchSettings::fromSystemProperties).hasMessageContaining("nova.rates");
    }
}
