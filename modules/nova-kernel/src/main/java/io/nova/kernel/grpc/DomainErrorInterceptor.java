package io.nova.kernel.grpc;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nova.kernel.db.DatabaseOutages;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.redis.RedisOutages;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * The one place a gRPC service's failures become statuses. A service method simply throws (or passes to
 * {@code onError}) a {@link DomainException}; this turns it into its kind's status with typed details
 * ({@link GrpcErrors#toStatus}). Anything unexpected becomes INTERNAL with a reference id that is logged with the
 * stack trace, never sent.
 */
final class DomainErrorInterceptor implements ServerInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(DomainErrorInterceptor.class);

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                        ServerCallHandler<Q, R> next) {
        ServerCall<Q, R> translating = new SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                Throwable cause = status.getCause();
                if (cause == null || status.isOk()) {
                    super.close(status, trailers);
                } else {
                    StatusRuntimeException answer = translate(call, cause);
                    Metadata merged = answer.getTrailers() == null ? new Metadata() : answer.getTrailers();
                    merged.merge(trailers);
                    super.close(answer.getStatus(), merged);
                }
            }
        };
        ServerCall.Listener<Q> listener = next.startCall(translating, headers);
        return new SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onHalfClose() {
                try {
                    super.onHalfClose();
                } catch (RuntimeException e) {
                    StatusRuntimeException answer = translate(call, e);
                    call.close(answer.getStatus(), answer.getTrailers() == null ? new Metadata() : answer.getTrailers());
                }
            }

            @Override
            public void onMessage(Q message) {
                try {
                    super.onMessage(message);
                } catch (RuntimeException e) {
                    StatusRuntimeException answer = translate(call, e);
                    call.close(answer.getStatus(), answer.getTrailers() == null ? new Metadata() : answer.getTrailers());
                }
            }
        };
    }

    private static StatusRuntimeException translate(ServerCall<?, ?> call, Throwable failure) {
        if (failure instanceof DomainException domain) {
            return GrpcErrors.toStatus(domain);
        }
        if (failure instanceof StatusRuntimeException status) {
            return status;
        }
        if (failure instanceof RedisException outage) {
            return GrpcErrors.toStatus(RedisOutages.asDomainError(outage));
        }
        java.util.Optional<DomainException> databaseOutage = DatabaseOutages.asOutage(failure);
        if (databaseOutage.isPresent()) {
            return GrpcErrors.toStatus(databaseOutage.get());
        }
        String reference = UUID.randomUUID().toString();
        LOG.error("gRPC {} failed unexpectedly (reference {})", call.getMethodDescriptor().getFullMethodName(),
                reference, failure);
        return Status.INTERNAL.withDescription("internal error, reference " + reference).asRuntimeException();
    }
}
