package io.nova.media.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoxFitTest {

    @Test
    void fitsInsideTheBoxKeepingTheAspectRatio() {
        assertThat(BoxFit.fit(1600, 1200, 320, 320)).isEqualTo(new BoxFit.Size(320, 240));
        assertThat(BoxFit.fit(1080, 1920, 720, 1280)).isEqualTo(new BoxFit.Size(720, 1280));
        assertThat(BoxFit.fit(4000, 100, 320, 320)).isEqualTo(new BoxFit.Size(320, 8));
    }

    @Test
    void neverEnlarges() {
        assertThat(BoxFit.fit(200, 100, 320, 320)).isEqualTo(new BoxFit.Size(200, 100));
    }

    @Test
    void evenSizesForH264() {
        assertThat(BoxFit.fitEven(321, 241, 1280, 720)).isEqualTo(new BoxFit.Size(320, 240));
        assertThat(BoxFit.fitEven(1, 1, 1280, 720)).isEqualTo(new BoxFit.Size(2, 2));
    }
}
