package io.nova.messaging;

import io.nova.testing.ServiceBootContract;

class MessagingServiceBootTest extends ServiceBootContract<MessagingServiceConfiguration> {

    MessagingServiceBootTest() {
        super(MessagingServiceApplication.class, "messaging-service", 8084, 9084);
    }
}
