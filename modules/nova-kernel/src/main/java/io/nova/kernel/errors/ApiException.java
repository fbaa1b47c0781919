package io.nova.kernel.errors;

import java.time.Duration;
import java.util.Map;

/**
 * A request that cannot be served as asked, and what to tell the caller. Resources throw these; {@link
 * ApiExceptionMapper} turns them into the status and {@link ApiError} body. No stack trace is ever sent.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> details;
    private final Duration retryAfter;
    private final Map<String, String> headers;

    private ApiException(int status, String code, String message, Map<String, Object> details, Duration retryAfter) {
        this(status, code, message, details, retryAfter, Map.of());
    }

    private ApiException(int status, String code, String message, Map<String, Object> details, Duration retryAfter,
                         Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = Map.copyOf(details);
        this.retryAfter = retryAfter;
        this.headers = Map.copyOf(headers);
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message, Map.of(), null);
    }

    public static ApiException badRequest(String code, String message, Map<String, Object> details) {
        return new ApiException(400, code, message, details, null);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message, Map.of(), null);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message, Map.of(), null);
    }

    /** Unknown, or not visible to the caller: the two are deliberately indistinguishable. */
    public static ApiException notFound(String what, String id) {
        return new ApiException(404, "not_found", what + " " + id + " does not exist", Map.of(), null);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message, Map.of(), null);
    }

    public static ApiException payloadTooLarge(long limitBytes) {
        return new ApiException(413, "payload_too_large",
                "The request body is larger than " + limitBytes + " bytes", Map.of("limit_bytes", limitBytes), null);
    }

    public static ApiException unprocessable(String code, String message) {
        return new ApiException(422, code, message, Map.of(), null);
    }

    public static ApiException tooManyRequests(Duration retryAfter) {
        return tooManyRequests(retryAfter, Map.of());
    }

    /** A 429 with response headers that describe the limit (the X-RateLimit-* fields). */
    public static ApiException tooManyRequests(Duration retryAfter, Map<String, String> headers) {
        return new ApiException(429, "rate_limited", "Too many requests; retry in " + retryAfter.toSeconds() + " s",
                Map.of(), retryAfter, headers);
    }

    /** A service this request needs is down or too slow; the client may retry later. */
    public static ApiException serviceUnavailable(String code, String message) {
        return new ApiException(503, code, message, Map.of(), null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    /** Set for 429 only. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Response headers beyond the error body (empty for most errors). */
    public Map<String, String> headers() {
        return headers;
    }

    public ApiError toError() {
        return new ApiError(code, getMessage(), details);
    }
}
