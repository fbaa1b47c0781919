package io.nova.user;

import io.nova.testing.Layering;
import org.junit.jupiter.api.Test;

/** user-service follows the one layering of every Nova service (see {@link Layering}). */
class LayeringTest {

    @Test
    void layersAreRespected() {
        Layering.of("user").check();
    }
}
