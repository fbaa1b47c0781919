package io.nova.messaging.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.kernel.errors.DomainException;

import java.util.Map;
import java.util.Optional;

/** {@code PATCH /conversations/{id}} (JSON merge patch): {@code name}, a string or null to clear it. */
public final class ConversationEdit {

    private ConversationEdit() {
    }

    /** The new name (empty: none). */
    public static Optional<String> name(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw DomainException.invalid("malformed_json", "The request body must be a JSON object");
        }
        body.fieldNames().forEachRemaining(field -> {
            if (!field.equals("name")) {
                throw DomainException.invalid("unknown_field", "Field " + field + " cannot be edited; name can",
                        Map.of("field", field));
            }
        });
        JsonNode name = body.get("name");
        if (name == null) {
            throw Fields.invalid("name", "is required (null clears it)");
        }
        if (name.isNull()) {
            return Optional.empty();
        }
        if (!name.isTextual()) {
            throw Fields.invalid("name", "must be a string or null");
        }
        return Optional.of(ConversationDraft.name(name.asText()));
    }
}
