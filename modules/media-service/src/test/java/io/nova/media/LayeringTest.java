package io.nova.media;

import io.nova.testing.Layering;
import org.junit.jupiter.api.Test;

/** media-service follows the one layering of every Nova service (docs/architecture.md). */
class LayeringTest {

    @Test
    void layersDependOnlyDownwards() {
        Layering.of("media").check();
    }
}
