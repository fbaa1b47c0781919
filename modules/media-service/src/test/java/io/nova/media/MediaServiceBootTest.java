package io.nova.media;

import io.nova.kernel.config.NovaConfiguration;
import io.nova.testing.ServiceBootContract;

class MediaServiceBootTest extends ServiceBootContract<NovaConfiguration> {

    MediaServiceBootTest() {
        super(MediaServiceApplication.class, "media-service", 8082, 9082);
    }
}
