package io.nova.content;

import io.nova.kernel.config.NovaConfiguration;
import io.nova.testing.ServiceBootContract;

class ContentServiceBootTest extends ServiceBootContract<NovaConfiguration> {

    ContentServiceBootTest() {
        super(ContentServiceApplication.class, "content-service", 8081, 9081);
    }
}
