package io.nova.content.core;

import io.nova.content.api.CreatePostRequest;
import io.nova.kernel.api.Ids;
import io.nova.kernel.errors.DomainException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A new post's request, checked: every refusal names the field it is about. */
public record PostDraft(String text, List<UUID> mediaIds, Visibility visibility, Optional<UUID> replyTo) {

    public static final int MAX_TEXT = 2200;
    public static final int MAX_MEDIA = 10;

    public static PostDraft of(CreatePostRequest request) {
        String text = request.text() == null ? "" : request.text();
        checkText(text);
        List<String> given = request.mediaIds() == null ? List.of() : request.mediaIds();
        if (given.size() > MAX_MEDIA) {
            throw invalid("media_ids", "at most " + MAX_MEDIA + " media per post, got " + given.size());
        }
        Set<UUID> media = new LinkedHashSet<>();
        for (String id : given) {
            UUID parsed = Ids.parse(id).orElseThrow(() -> DomainException.unprocessable("media_not_found",
                    "Media " + id + " does not exist", Map.of("media_id", String.valueOf(id))));
            if (!media.add(parsed)) {
                throw invalid("media_ids", "lists " + id + " twice");
            }
        }
        if (text.isBlank() && media.isEmpty()) {
            throw DomainException.invalid("empty_post", "A post needs text or media");
        }
        Optional<UUID> replyTo = Optional.empty();
        if (request.replyTo() != null) {
            replyTo = Optional.of(Ids.parse(request.replyTo()).orElseThrow(() -> DomainException.unprocessable(
                    "reply_to_not_found", "Post " + request.replyTo() + " to reply to does not exist")));
        }
        return new PostDraft(text, new ArrayList<>(media), Visibility.parse(request.visibility()), replyTo);
    }

    static void checkText(String text) {
        if (PostText.length(text) > MAX_TEXT) {
            throw invalid("text", "must be at most " + MAX_TEXT + " characters, got " + PostText.length(text));
        }
    }

    static DomainException invalid(String field, String problem) {
        return DomainException.invalid("validation_failed", field + " " + problem,
                Map.of("fields", Map.of(field, problem)));
    }
}
