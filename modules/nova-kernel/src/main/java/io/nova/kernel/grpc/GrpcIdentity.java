package io.nova.kernel.grpc;

import io.grpc.CallCredentials;
import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.Status;
import io.nova.kernel.auth.NovaPrincipal;

import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The end user a gRPC call is made for. The caller's access token travels in the {@code authorization} metadata
 * ({@link #onBehalfOf}); the receiving service verifies it like any bearer token ({@link CallerInterceptor}) and
 * finds the caller with {@link #caller()}. A call without one is a service's own call.
 */
public final class GrpcIdentity {

    static final Context.Key<NovaPrincipal> CALLER = Context.key("nova-caller");
    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private GrpcIdentity() {
    }

    /** The end user of the current gRPC call, if it was made on someone's behalf. */
    public static Optional<NovaPrincipal> caller() {
        return Optional.ofNullable(CALLER.get());
    }

    /**
     * Call credentials that carry the caller to the next service:
     * {@code client.withCallCredentials(GrpcIdentity.onBehalfOf(caller))}.
     */
    public static CallCredentials onBehalfOf(NovaPrincipal caller) {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo request, Executor executor, MetadataApplier applier) {
                if (caller.accessToken() == null) {
                    applier.fail(Status.UNAUTHENTICATED.withDescription("caller has no access token"));
                    return;
                }
                Metadata headers = new Metadata();
                headers.put(AUTHORIZATION, "Bearer " + caller.accessToken());
                applier.apply(headers);
            }
        };
    }
}
