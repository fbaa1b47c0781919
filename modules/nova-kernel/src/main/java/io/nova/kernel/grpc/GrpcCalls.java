package io.nova.kernel.grpc;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.StatusRuntimeException;
import io.nova.kernel.errors.DomainException;

import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Calls to another service's gRPC API, with its failures as {@link DomainException}s ({@link GrpcErrors#fromStatus}):
 * a client class wraps each call in {@link #call} or {@link #await} and never sees a gRPC status.
 */
public final class GrpcCalls {

    private GrpcCalls() {
    }

    /** A blocking call to {@code service}. */
    public static <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            throw GrpcErrors.fromStatus(service, e);
        }
    }

    /** The answer of an asynchronous call to {@code service}. */
    public static <T> T await(String service, ListenableFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatusRuntimeException status) {
                throw GrpcErrors.fromStatus(service, status);
            }
            throw GrpcErrors.fromStatus(service, io.grpc.Status.fromThrowable(e.getCause()).asRuntimeException());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GrpcErrors.unavailable(service);
        }
    }
}
