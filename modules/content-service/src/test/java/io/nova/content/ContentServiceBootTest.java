package io.nova.content;

import io.nova.testing.ServiceBootContract;

class ContentServiceBootTest extends ServiceBootContract<ContentServiceConfiguration> {

    ContentServiceBootTest() {
        super(ContentServiceApplication.class, "content-service", 8081, 9081);
    }
}
