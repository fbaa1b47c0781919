package io.nova.messaging;

import io.dropwizard.core.setup.Environment;
import io.nova.kernel.KernelPart;
import io.nova.kernel.NovaApplication;
import io.nova.kernel.ServiceContext;
import io.nova.kernel.errors.DomainException;
import io.nova.messaging.core.realtime.ConversationAudience;

import java.util.EnumSet;
import java.util.Set;

/** messaging-service: conversations, messages, calls, notifications and the realtime WebSocket. */
public class MessagingServiceApplication extends NovaApplication<MessagingServiceConfiguration> {

    public static void main(String[] args) throws Exception {
        new MessagingServiceApplication().run(serverByDefault(args));
    }

    /** Its database, its events (outbox) and the consumers that turn them into socket frames. */
    @Override
    protected Set<KernelPart> parts() {
        return EnumSet.of(KernelPart.DATABASE, KernelPart.OUTBOX, KernelPart.CONSUMERS);
    }

    @Override
    protected void runService(MessagingServiceConfiguration configuration, Environment environment,
                              ServiceContext context) {
        // --- realtime (/ws): fan-out of the messaging events, replay logs, sockets ---
        RealtimeWiring.install(configuration.getRealtime(), environment, context, conversationAudience(context));
    }

    /**
     * Who hears a typing signal. The conversations core answers it (its {@code membersVisibleTo}); until that core
     * is wired in here, no one is a member of any conversation, so every typing frame is answered 404.
     */
    protected ConversationAudience conversationAudience(ServiceContext context) {
        return (caller, conversationId) -> {
            throw DomainException.notFound("Conversation", conversationId);
        };
    }
}
