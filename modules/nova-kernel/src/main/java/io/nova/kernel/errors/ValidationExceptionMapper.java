package io.nova.kernel.errors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.util.Map;
import java.util.TreeMap;

/** Bean-validation failures on a request: 400 with one message per field. */
public final class ValidationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        Map<String, Object> fields = new TreeMap<>();
        for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
            fields.merge(field(violation.getPropertyPath()), violation.getMessage(),
                    (first, second) -> first + "; " + second);
        }
        String message = fields.size() == 1
                ? fields.keySet().iterator().next() + " " + fields.values().iterator().next()
                : "The request has " + fields.size() + " invalid fields";
        return ErrorResponses.of(400, new ApiError("validation_failed", message, Map.of("fields", fields)));
    }

    /**
     * "create.note.text" → "text": method and body-argument nodes mean nothing to callers. A query or path
     * parameter, which has no property below it, keeps its own name.
     */
    private static String field(Path path) {
        StringBuilder name = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case PROPERTY, CONTAINER_ELEMENT -> {
                    if (node.getName() != null) {
                        name.append(name.isEmpty() ? "" : ".").append(node.getName());
                    }
                    if (node.getIndex() != null) {
                        name.append('[').append(node.getIndex()).append(']');
                    }
                }
                case PARAMETER -> parameter = node.getName();
                default -> { }
            }
        }
        if (!name.isEmpty()) {
            return name.toString();
        }
        return parameter == null ? "body" : parameter;
    }
}
