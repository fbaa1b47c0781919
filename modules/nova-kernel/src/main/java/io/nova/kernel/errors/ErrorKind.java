package io.nova.kernel.errors;

import io.grpc.Status;

/**
 * What kind of refusal a {@link DomainException} is. The kind alone decides the HTTP status and the gRPC status
 * code, so domain code never speaks either protocol; every kind has its own gRPC code, which lets a client turn a
 * peer's status back into the same kind without reading any message.
 */
public enum ErrorKind {
    /** The request is malformed or breaks a rule of its own shape. */
    INVALID(400, Status.Code.INVALID_ARGUMENT),
    /** No valid credentials. */
    UNAUTHENTICATED(401, Status.Code.UNAUTHENTICATED),
    /** The caller is known but may not do this. */
    FORBIDDEN(403, Status.Code.PERMISSION_DENIED),
    /** Unknown, or not visible to the caller: the two are deliberately indistinguishable. */
    NOT_FOUND(404, Status.Code.NOT_FOUND),
    /** The request clashes with the current state (a taken name, a duplicate). */
    CONFLICT(409, Status.Code.ALREADY_EXISTS),
    /** A body or a file beyond a size limit. */
    TOO_LARGE(413, Status.Code.OUT_OF_RANGE),
    /** Well formed, but what it refers to cannot be used this way (media not ready, not an image …). */
    UNPROCESSABLE(422, Status.Code.FAILED_PRECONDITION),
    /** Too many requests or too much pending work; retry after a while. */
    RATE_LIMITED(429, Status.Code.RESOURCE_EXHAUSTED),
    /** Something this request needs is down or not configured; the client may retry later. */
    UNAVAILABLE(503, Status.Code.UNAVAILABLE);

    private final int httpStatus;
    private final Status.Code grpcCode;

    ErrorKind(int httpStatus, Status.Code grpcCode) {
        this.httpStatus = httpStatus;
        this.grpcCode = grpcCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Status.Code grpcCode() {
        return grpcCode;
    }

    /**
     * The kind a peer's gRPC status stands for; codes no kind uses (INTERNAL, DEADLINE_EXCEEDED, UNKNOWN …) mean the
     * peer failed, which to our caller is {@link #UNAVAILABLE}.
     */
    public static ErrorKind ofGrpc(Status.Code code) {
        for (ErrorKind kind : values()) {
            if (kind.grpcCode == code) {
                return kind;
            }
        }
        return UNAVAILABLE;
    }
}
