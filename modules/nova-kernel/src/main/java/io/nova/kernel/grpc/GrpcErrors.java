package io.nova.kernel.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.ErrorKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link DomainException} as a gRPC status and back. The status code comes from the kind; the code and details
 * travel as a typed {@code google.rpc.ErrorInfo} (reason = code, metadata = details), an invalid request adds a
 * {@code google.rpc.BadRequest}, a known retry time a {@code google.rpc.RetryInfo}. The receiving side rebuilds the
 * same kind, code and details from those, so nothing ever reads a status description to decide anything.
 */
public final class GrpcErrors {

    /** {@code ErrorInfo.domain} of every error a Nova service sends. */
    public static final String DOMAIN = "nova";
    /** The detail naming the request field an invalid request got wrong, mirrored into {@code BadRequest}. */
    public static final String FIELD = "field";

    private static final Logger LOG = LoggerFactory.getLogger(GrpcErrors.class);

    private GrpcErrors() {
    }

    /** The status a server sends for {@code error}. */
    public static StatusRuntimeException toStatus(DomainException error) {
        ErrorInfo.Builder info = ErrorInfo.newBuilder().setReason(error.code()).setDomain(DOMAIN);
        error.details().forEach((name, value) -> info.putMetadata(name, String.valueOf(value)));
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(error.kind().grpcCode().value())
                .setMessage(error.getMessage())
                .addDetails(Any.pack(info.build()));
        if (error.kind() == ErrorKind.INVALID) {
            Object field = error.details().get(FIELD);
            status.addDetails(Any.pack(BadRequest.newBuilder().addFieldViolations(BadRequest.FieldViolation
                    .newBuilder().setField(field == null ? "" : field.toString())
                    .setDescription(error.getMessage())).build()));
        }
        if (error.retryAfter() != null) {
            status.addDetails(Any.pack(RetryInfo.newBuilder().setRetryDelay(com.google.protobuf.Duration.newBuilder()
                    .setSeconds(error.retryAfter().toSeconds())).build()));
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }

    /**
     * What a call to {@code service} that failed with {@code failure} means to our caller. A refusal the peer typed
     * comes back as the same kind, code and details. A peer that failed, timed out or could not be reached is
     * {@code 503 dependency_unavailable}: the client may retry, and the outage is logged here, once.
     */
    public static DomainException fromStatus(String service, StatusRuntimeException failure) {
        Status status = failure.getStatus();
        ErrorKind kind = ErrorKind.ofGrpc(status.getCode());
        ErrorInfo info = errorInfo(failure);
        if (kind == ErrorKind.UNAVAILABLE && info == null) {
            LOG.warn("{} did not answer: {}", service, status);
            return unavailable(service);
        }
        String code = info == null ? kind.name().toLowerCase(java.util.Locale.ROOT) : info.getReason();
        String message = status.getDescription() == null ? service + " refused the call" : status.getDescription();
        Map<String, Object> details = info == null ? Map.of() : new LinkedHashMap<>(info.getMetadataMap());
        DomainException error = DomainException.of(kind, code, message, details);
        Duration retry = retryAfter(failure);
        return retry == null ? error : error.retryAfter(retry);
    }

    /** A dependency that could not be reached or did not answer in time. */
    public static DomainException unavailable(String service) {
        return DomainException.unavailable("dependency_unavailable", service + " did not answer; retry shortly");
    }

    private static ErrorInfo errorInfo(StatusRuntimeException failure) {
        com.google.rpc.Status status = StatusProto.fromThrowable(failure);
        if (status == null) {
            return null;
        }
        for (Any detail : status.getDetailsList()) {
            if (detail.is(ErrorInfo.class)) {
                try {
                    ErrorInfo info = detail.unpack(ErrorInfo.class);
                    return DOMAIN.equals(info.getDomain()) ? info : null;
                } catch (InvalidProtocolBufferException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static Duration retryAfter(StatusRuntimeException failure) {
        com.google.rpc.Status status = StatusProto.fromThrowable(failure);
        if (status != null) {
            for (Any detail : status.getDetailsList()) {
                if (detail.is(RetryInfo.class)) {
                    try {
                        return Duration.ofSeconds(detail.unpack(RetryInfo.class).getRetryDelay().getSeconds());
                    } catch (InvalidProtocolBufferException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }
}
