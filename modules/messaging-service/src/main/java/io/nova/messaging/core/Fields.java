package io.nova.messaging.core;

import io.nova.kernel.errors.DomainException;

import java.util.Map;

/** The refusal of one request field: 400 {@code validation_failed} naming it in {@code details.fields}. */
final class Fields {

    private Fields() {
    }

    static DomainException invalid(String field, String problem) {
        return DomainException.invalid("validation_failed", field + " " + problem,
                Map.of("fields", Map.of(field, problem)));
    }

    /** Characters as people count them (an emoji is one), not UTF-16 units. */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
