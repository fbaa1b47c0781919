package io.nova.messaging.api;

import java.util.List;

/** The answer to {@code PUT|DELETE /messages/{id}/reactions/{emoji}}: the message's reactions now. */
public record ReactionsView(String messageId, List<ReactionCount> reactions) {
}
