package io.nova.content.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.kernel.errors.DomainException;

import java.util.Iterator;
import java.util.Map;

/**
 * {@code PATCH /posts/{id}} (JSON merge patch): {@code text} and {@code visibility} may change; a field left out
 * stays as it is. Media are fixed once posted (they are claimed for the post).
 */
public record PostEdit(String text, Visibility visibility) {

    public static PostEdit parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw DomainException.invalid("malformed_json", "The request body must be a JSON object");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        String text = null;
        Visibility visibility = null;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "text" -> {
                    if (!value.isTextual() && !value.isNull()) {
                        throw PostDraft.invalid("text", "must be a string");
                    }
                    text = value.isNull() ? "" : value.asText();
                    PostDraft.checkText(text);
                }
                case "visibility" -> {
                    if (!value.isTextual()) {
                        throw PostDraft.invalid("visibility", "must be public or followers");
                    }
                    visibility = Visibility.parse(value.asText());
                }
                default -> throw DomainException.invalid("unknown_field", "Field " + field.getKey()
                        + " cannot be edited; text and visibility can", Map.of("field", field.getKey()));
            }
        }
        return new PostEdit(text, visibility);
    }
}
