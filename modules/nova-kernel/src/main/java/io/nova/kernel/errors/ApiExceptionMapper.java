package io.nova.kernel.errors;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Sends an {@link ApiException} as its status and error body; 401 adds a Bearer challenge, 429 a Retry-After. */
public final class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Override
    public Response toResponse(ApiException exception) {
        Response response = ErrorResponses.of(exception.status(), exception.toError());
        if (exception.status() == 401) {
            response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (exception.retryAfter() != null) {
            response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, exception.retryAfter().toSeconds())));
        }
        exception.headers().forEach((name, value) -> response.getHeaders().putSingle(name, value));
        return response;
    }
}
