package io.nova.media;

import io.nova.testing.ServiceBootContract;

class MediaServiceBootTest extends ServiceBootContract<MediaServiceConfiguration> {

    MediaServiceBootTest() {
        super(MediaServiceApplication.class, "media-service", 8082, 9082);
    }
}
