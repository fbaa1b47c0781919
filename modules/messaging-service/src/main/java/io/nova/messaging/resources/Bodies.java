package io.nova.messaging.resources;

import io.nova.kernel.errors.DomainException;

/** Request bodies the endpoints cannot do without. */
final class Bodies {

    private Bodies() {
    }

    /** No body (or JSON {@code null}) where an object is required: 400 {@code malformed_json}. */
    static void require(Object body) {
        if (body == null) {
            throw DomainException.invalid("malformed_json", "The request body must be a JSON object");
        }
    }
}
