package io.nova.media.clients;

import io.nova.kernel.grpc.GrpcCalls;
import io.nova.media.core.ClaimOwners;
import io.nova.proto.messaging.v1.ConfirmMessagesRequest;
import io.nova.proto.messaging.v1.MessagingServiceGrpc;

import java.util.Collection;
import java.util.Set;

/** The owners of "message:&lt;id&gt;" claims: messaging-service's ConfirmMessages, asked as this service. */
public final class MessagingMessages implements ClaimOwners {

    static final String SERVICE = "messaging-service";

    private final MessagingServiceGrpc.MessagingServiceBlockingStub messaging;

    public MessagingMessages(MessagingServiceGrpc.MessagingServiceBlockingStub messaging) {
        this.messaging = messaging;
    }

    @Override
    public String kind() {
        return "message";
    }

    @Override
    public Set<String> existing(Collection<String> messageIds) {
        return Set.copyOf(GrpcCalls.call(SERVICE, () -> messaging.confirmMessages(ConfirmMessagesRequest.newBuilder()
                .addAllMessageIds(messageIds).build())).getExistingMessageIdsList());
    }
}
