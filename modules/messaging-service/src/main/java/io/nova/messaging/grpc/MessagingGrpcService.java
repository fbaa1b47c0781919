package io.nova.messaging.grpc;

import io.grpc.stub.StreamObserver;
import io.nova.kernel.db.ClaimOwnerIds;
import io.nova.proto.messaging.v1.ConfirmMessagesRequest;
import io.nova.proto.messaging.v1.ConfirmMessagesResponse;
import io.nova.proto.messaging.v1.MessagingServiceGrpc;

/**
 * messaging-service's gRPC API for the other services. Domain errors become gRPC statuses in the kernel's one
 * interceptor; nothing here translates them.
 */
public final class MessagingGrpcService extends MessagingServiceGrpc.MessagingServiceImplBase {

    private final ClaimOwnerIds messages;

    public MessagingGrpcService(ClaimOwnerIds messages) {
        this.messages = messages;
    }

    @Override
    public void confirmMessages(ConfirmMessagesRequest request,
                                StreamObserver<ConfirmMessagesResponse> response) {
        response.onNext(ConfirmMessagesResponse.newBuilder()
                .addAllExistingMessageIds(messages.confirm(request.getMessageIdsList())).build());
        response.onCompleted();
    }
}
