package io.nova.content.api;

import java.util.List;

/**
 * {@code POST /posts}. Every field is optional in JSON; the rules (text or media, lengths, visibility) are checked
 * by {@code core.PostDraft} so each refusal names its field.
 */
public record CreatePostRequest(String text, List<String> mediaIds, String visibility, String replyTo) {
}
