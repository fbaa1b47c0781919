package io.nova.kernel.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** Builds the JSON error responses every mapper sends. */
final class ErrorResponses {

    private ErrorResponses() {
    }

    static Response of(int status, String code, String message) {
        return of(status, new ApiError(code, message, Map.of()));
    }

    static Response of(int status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }
}
