package io.nova.messaging.api;

import java.util.List;

/**
 * {@code POST /conversations}: the other members (the caller is always one), and a name for a group. One other
 * member and no name is a direct conversation; checked by {@code core.ConversationDraft}, each refusal naming its
 * field.
 */
public record CreateConversationRequest(List<String> memberIds, String name) {
}
