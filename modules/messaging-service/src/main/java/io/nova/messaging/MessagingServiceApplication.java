package io.nova.messaging;

import io.dropwizard.core.setup.Environment;
import io.nova.kernel.KernelPart;
import io.nova.kernel.NovaApplication;
import io.nova.kernel.ServiceContext;
import io.nova.kernel.config.NovaConfiguration;

import java.util.EnumSet;
import java.util.Set;

/** messaging-service: conversations, messages, calls, notifications and the realtime WebSocket. */
public final class MessagingServiceApplication extends NovaApplication<NovaConfiguration> {

    public static void main(String[] args) throws Exception {
        new MessagingServiceApplication().run(serverByDefault(args));
    }

    /** Its database; events and consumers arrive with its domain. */
    @Override
    protected Set<KernelPart> parts() {
        return EnumSet.of(KernelPart.DATABASE);
    }

    @Override
    protected void runService(NovaConfiguration configuration, Environment environment, ServiceContext context) {
        // The service's own resources arrive with its domain; the kernel already serves health, metrics, gRPC
        // and migrates its database. No outbox relay and no Kafka check run until it names those parts.
    }
}
