package io.nova.messaging;

import io.nova.testing.Layering;
import org.junit.jupiter.api.Test;

/** messaging-service follows the one layering of every Nova service (wiring → adapters → core → db, api). */
class LayeringTest {

    @Test
    void layersAreRespected() {
        Layering.of("messaging").check();
    }
}
