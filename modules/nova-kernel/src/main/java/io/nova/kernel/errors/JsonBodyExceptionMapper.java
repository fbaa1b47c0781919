package io.nova.kernel.errors;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.nova.kernel.api.ForbiddenCharacterException;
import io.nova.kernel.api.Text;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.stream.Collectors;

/** A request body that is not JSON, or not the JSON this endpoint takes: 400 naming the field, never a 500. */
public final class JsonBodyExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    private static final Logger LOG = LoggerFactory.getLogger(JsonBodyExceptionMapper.class);

    @Override
    public Response toResponse(JsonProcessingException exception) {
        if (exception instanceof InvalidDefinitionException || exception instanceof JsonGenerationException
                || (exception instanceof JsonMappingException mapping && mapping.getProcessor() instanceof JsonGenerator)) {
            // Our type cannot be (de)serialized, or writing the response failed: a server bug, not the caller's.
            return new UnexpectedExceptionMapper().toResponse(exception);
        }
        if (exception instanceof JsonParseException parse) {
            // The parser's own sentence is about the caller's text (a key given twice, a stray comma), never ours.
            return ErrorResponses.of(400, "malformed_json", "The request body is not valid JSON: "
                    + parse.getOriginalMessage());
        }
        if (exception instanceof ForbiddenCharacterException control) {
            String field = path(control);
            return ErrorResponses.of(400, new ApiError("invalid_field", (field.isEmpty() ? "The body" : "Field '"
                    + field + "'") + " contains the control character " + Text.codePoint(control.character())
                    + "; text may not contain control characters other than tab and line breaks",
                    field.isEmpty() ? Map.of() : Map.of("field", field)));
        }
        if (exception instanceof UnrecognizedPropertyException unknown) {
            return ErrorResponses.of(400, new ApiError("unknown_field",
                    "Unknown field '" + unknown.getPropertyName() + "'", Map.of("field", path(unknown))));
        }
        if (exception instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            String type = mismatch.getTargetType() == null ? "value" : describe(mismatch.getTargetType());
            String message = field.isEmpty()
                    ? "The request body must be " + type + " in JSON"
                    : "Field '" + field + "' must be " + type;
            return ErrorResponses.of(400, new ApiError("invalid_field", message,
                    field.isEmpty() ? Map.of() : Map.of("field", field)));
        }
        LOG.debug("Unreadable request body", exception);
        return ErrorResponses.of(400, "malformed_json", "The request body could not be read as JSON");
    }

    private static String path(JsonMappingException exception) {
        return exception.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return type.isEnum() ? "one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase()
                    : "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
