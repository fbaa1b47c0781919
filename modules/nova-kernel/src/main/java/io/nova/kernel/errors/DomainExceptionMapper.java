package io.nova.kernel.errors;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The one place a {@link DomainException} becomes HTTP: its kind's status and the error body; 401 adds a Bearer
 * challenge, a known retry time a {@code Retry-After}.
 */
public final class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException exception) {
        Response response = ErrorResponses.of(exception.status(), exception.toError());
        if (exception.kind() == ErrorKind.UNAUTHENTICATED) {
            response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (exception.retryAfter() != null) {
            response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, exception.retryAfter().toSeconds())));
        }
        exception.headers().forEach((name, value) -> response.getHeaders().putSingle(name, value));
        exception.headers().forEach((name, value) -> response.getHeaders().putSingle(name, value));
        return response;
    }
}
