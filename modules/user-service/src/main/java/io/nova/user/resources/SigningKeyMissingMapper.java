package io.nova.user.resources;

import io.nova.kernel.errors.ApiError;
import io.nova.user.core.SigningKeyMissingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** 503 {@code signing_key_missing}: an operator's omission, not the client's fault, and not an internal error. */
public final class SigningKeyMissingMapper implements ExceptionMapper<SigningKeyMissingException> {

    @Override
    public Response toResponse(SigningKeyMissingException exception) {
        return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError("signing_key_missing", exception.getMessage()))
                .build();
    }
}
