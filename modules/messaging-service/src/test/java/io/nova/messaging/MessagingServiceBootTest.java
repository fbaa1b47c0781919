package io.nova.messaging;

import io.nova.kernel.config.NovaConfiguration;
import io.nova.testing.ServiceBootContract;

class MessagingServiceBootTest extends ServiceBootContract<NovaConfiguration> {

    MessagingServiceBootTest() {
        super(MessagingServiceApplication.class, "messaging-service", 8084, 9084);
    }
}
