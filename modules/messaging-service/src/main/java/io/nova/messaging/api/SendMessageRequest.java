package io.nova.messaging.api;

import java.util.List;

/** {@code POST /conversations/{id}/messages}: text and/or media, optionally replying to a message of it. */
public record SendMessageRequest(String text, List<String> mediaIds, String replyTo) {
}
