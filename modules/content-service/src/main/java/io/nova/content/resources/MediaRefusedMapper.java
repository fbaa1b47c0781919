package io.nova.content.resources;

import io.nova.content.core.MediaRefusedException;
import io.nova.kernel.errors.ApiError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.util.Map;

/** 422 naming the media a post cannot use, in the API's error format ({@code details.media_id}). */
public final class MediaRefusedMapper implements ExceptionMapper<MediaRefusedException> {

    @Override
    public Response toResponse(MediaRefusedException exception) {
        Map<String, Object> details = exception.mediaId() == null ? Map.of() : Map.of("media_id", exception.mediaId());
        return Response.status(422).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(exception.code(), exception.getMessage(), details)).build();
    }
}
