package io.nova.messaging.core.realtime;

import java.util.Set;
import java.util.UUID;

/**
 * Who hears an ephemeral signal (typing) about a conversation. The realtime layer owns this question and not its
 * answer: conversations and their members belong to the messaging core.
 */
@FunctionalInterface
public interface ConversationAudience {

    /**
     * The members of {@code conversationId} when {@code caller} is one of them. Throws the core's 404
     * {@link io.nova.kernel.errors.DomainException} when the caller is not a member or it does not exist.
     */
    Set<UUID> membersVisibleTo(UUID caller, UUID conversationId);
}
