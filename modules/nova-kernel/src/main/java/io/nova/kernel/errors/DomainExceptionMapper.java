package io.nova.kernel.errors;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.time.Duration;

/**
 * The one place a {@link DomainException} becomes HTTP: its kind's status and the error body; 401 adds a Bearer
 * challenge, a known retry time a {@code Retry-After} (every 503 has one).
 */
public final class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    /** A 503's {@code Retry-After} when the error did not name one. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    @Override
    public Response toResponse(DomainException exception) {
        Response response = ErrorResponses.of(exception.status(), exception.toError());
        if (exception.kind() == ErrorKind.UNAUTHENTICATED) {
            response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        Duration retryAfter = exception.retryAfter();
        if (retryAfter == null && exception.kind() == ErrorKind.UNAVAILABLE) {
            // Every 503 says when to come back: an outage answered without it leaves clients guessing or hammering.
            retryAfter = DEFAULT_RETRY_AFTER;
        }
        if (retryAfter != null) {
            response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        exception.headers().forEach((name, value) -> response.getHeaders().putSingle(name, value));
        return response;
    }
}
