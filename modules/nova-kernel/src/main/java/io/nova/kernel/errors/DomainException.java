package io.nova.kernel.errors;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that cannot be served as asked: its {@link ErrorKind}, a stable machine code, a sentence for people and
 * optional details. Domain code throws it; {@link DomainExceptionMapper} sends it over HTTP and
 * {@code io.nova.kernel.grpc.GrpcErrors} over gRPC (and back), so the same refusal reads the same on both. The type
 * is open: any kind with any code and details, without a new exception class or mapper. No stack trace is kept.
 */
public final class DomainException extends RuntimeException {

    private final ErrorKind kind;
    private final String code;
    private final Map<String, Object> details;
    private final Duration retryAfter;
    private final Map<String, String> headers;

    private DomainException(ErrorKind kind, String code, String message, Map<String, Object> details,
                            Duration retryAfter, Map<String, String> headers) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.details = Map.copyOf(details);
        this.retryAfter = retryAfter;
        this.headers = Map.copyOf(headers);
    }

    public static DomainException of(ErrorKind kind, String code, String message) {
        return new DomainException(kind, code, message, Map.of(), null, Map.of());
    }

    public static DomainException of(ErrorKind kind, String code, String message, Map<String, ?> details) {
        return new DomainException(kind, code, message, Map.copyOf(details), null, Map.of());
    }

    public static DomainException invalid(String code, String message) {
        return of(ErrorKind.INVALID, code, message);
    }

    public static DomainException invalid(String code, String message, Map<String, ?> details) {
        return of(ErrorKind.INVALID, code, message, details);
    }

    public static DomainException unauthenticated(String message) {
        return of(ErrorKind.UNAUTHENTICATED, "unauthorized", message);
    }

    public static DomainException forbidden(String message) {
        return of(ErrorKind.FORBIDDEN, "forbidden", message);
    }

    /** Unknown, or not visible to the caller: the two are deliberately indistinguishable. */
    public static DomainException notFound(String what, Object id) {
        return of(ErrorKind.NOT_FOUND, "not_found", what + " " + id + " does not exist");
    }

    public static DomainException conflict(String code, String message) {
        return of(ErrorKind.CONFLICT, code, message);
    }

    /** The request body is over the service's limit. */
    public static DomainException payloadTooLarge(long limitBytes) {
        return of(ErrorKind.TOO_LARGE, "payload_too_large", "The request body is larger than " + limitBytes
                + " bytes", Map.of("limit_bytes", limitBytes));
    }

    public static DomainException unprocessable(String code, String message) {
        return of(ErrorKind.UNPROCESSABLE, code, message);
    }

    public static DomainException unprocessable(String code, String message, Map<String, ?> details) {
        return of(ErrorKind.UNPROCESSABLE, code, message, details);
    }

    public static DomainException tooManyRequests(Duration retryAfter) {
        return of(ErrorKind.RATE_LIMITED, "rate_limited", "Too many requests; retry in " + retryAfter.toSeconds()
                + " s").retryAfter(retryAfter);
    }

    /** Something this request needs is down, too slow or not configured; the client may retry later. */
    public static DomainException unavailable(String code, String message) {
        return of(ErrorKind.UNAVAILABLE, code, message);
    }

    /** The same refusal, telling the client when to retry (HTTP {@code Retry-After}, gRPC {@code RetryInfo}). */
    public DomainException retryAfter(Duration after) {
        return new DomainException(kind, code, getMessage(), details, after, headers);
    }

    /** The same refusal with one more detail. */
    public DomainException withDetail(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(name, value);
        return new DomainException(kind, code, getMessage(), more, retryAfter, headers);
    }

    /**
     * The same refusal with HTTP response headers that describe it (a rate limit's {@code X-RateLimit-*}); they are
     * HTTP-only and do not travel over gRPC.
     */
    public DomainException withHeaders(Map<String, String> more) {
        return new DomainException(kind, code, getMessage(), details, retryAfter, more);
    }

    /** HTTP response headers beyond the status and the error body (empty for most refusals). */
    public Map<String, String> headers() {
        return headers;
    }

    public ErrorKind kind() {
        return kind;
    }

    /** The HTTP status of this refusal (from its kind). */
    public int status() {
        return kind.httpStatus();
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    /** Null unless the client should retry after a known time. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public ApiError toError() {
        return new ApiError(code, getMessage(), details);
    }

    @Override
    public String toString() {
        return "DomainException[" + kind + " " + code + ": " + getMessage() + (details.isEmpty() ? "" : " " + details)
                + "]";
    }
}
