package io.nova.media.resources;

import io.nova.kernel.errors.ApiError;
import io.nova.media.core.UploadRejectedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Sends an {@link UploadRejectedException} in the API's error format, with Retry-After when it has one. */
public final class UploadRejectedMapper implements ExceptionMapper<UploadRejectedException> {

    @Override
    public Response toResponse(UploadRejectedException exception) {
        Response.ResponseBuilder response = Response.status(exception.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(exception.code(), exception.getMessage(), exception.details()));
        if (exception.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, exception.retryAfter().toSeconds())));
        }
        return response.build();
    }
}
