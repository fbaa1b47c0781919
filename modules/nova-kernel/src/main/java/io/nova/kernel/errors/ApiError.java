package io.nova.kernel.errors;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/** The body of every error response: a stable machine code, a sentence for people, and optional details. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(String error, String message, Map<String, Object> details) {

    public ApiError(String error, String message) {
        this(error, message, Map.of());
    }
}
