package io.nova.messaging.core;

import io.nova.kernel.api.Ids;
import io.nova.kernel.errors.DomainException;
import io.nova.messaging.api.SendMessageRequest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A new message's request, checked: text of at most {@value #MAX_TEXT} characters (an emoji counts as one; control
 * characters never get this far, the kernel refuses them), at most {@value #MAX_MEDIA} media without repeats, text
 * or media, and an optional message it replies to.
 */
public record MessageDraft(String text, List<UUID> mediaIds, Optional<UUID> replyTo) {

    public static final int MAX_TEXT = 4000;
    public static final int MAX_MEDIA = 10;

    public static MessageDraft of(SendMessageRequest request) {
        String text = request.text() == null ? "" : request.text();
        checkText(text);
        List<String> given = request.mediaIds() == null ? List.of() : request.mediaIds();
        if (given.size() > MAX_MEDIA) {
            throw Fields.invalid("media_ids", "at most " + MAX_MEDIA + " media per message, got " + given.size());
        }
        Set<UUID> media = new LinkedHashSet<>();
        for (String id : given) {
            // An id that names nothing is the same mistake as an unknown one: media-service would say so by name.
            UUID parsed = Ids.parse(id).orElseThrow(() -> DomainException.unprocessable("media_not_found",
                    "Media " + id + " does not exist", Map.of("media_id", String.valueOf(id))));
            if (!media.add(parsed)) {
                throw Fields.invalid("media_ids", "lists " + id + " twice");
            }
        }
        requireContent(text, media.size());
        Optional<UUID> replyTo = request.replyTo() == null ? Optional.empty()
                : Optional.of(Ids.parse(request.replyTo()).orElseThrow(() -> replyNotFound(request.replyTo())));
        return new MessageDraft(text, new ArrayList<>(media), replyTo);
    }

    /** The text of a new or edited message. */
    public static void checkText(String text) {
        if (Fields.length(text) > MAX_TEXT) {
            throw Fields.invalid("text", "must be at most " + MAX_TEXT + " characters, got " + Fields.length(text));
        }
    }

    /** A message says something: text that is not only spaces, or media. */
    public static void requireContent(String text, int mediaCount) {
        if (text.isBlank() && mediaCount == 0) {
            throw DomainException.invalid("empty_message", "A message needs text or media");
        }
    }

    public static DomainException replyNotFound(Object id) {
        return DomainException.unprocessable("reply_to_not_found",
                "Message " + id + " to reply to is not in this conversation", Map.of("reply_to", String.valueOf(id)));
    }
}
