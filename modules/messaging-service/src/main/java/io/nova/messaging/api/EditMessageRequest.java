package io.nova.messaging.api;

/** {@code PATCH /messages/{id}}: the new text (media stay as sent: they are claimed for the message). */
public record EditMessageRequest(String text) {
}
