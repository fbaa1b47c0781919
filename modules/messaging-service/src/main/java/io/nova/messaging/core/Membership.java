package io.nova.messaging.core;

import io.nova.messaging.db.ConversationRow;
import io.nova.messaging.db.MemberRow;

import java.util.UUID;

/** A conversation and the caller's current membership of it. */
public record Membership(ConversationRow conversation, MemberRow member) {

    public UUID id() {
        return conversation.id();
    }

    public Role role() {
        return Role.of(member.role());
    }

    /** The other user of a direct conversation. */
    public UUID otherOfDirect() {
        UUID me = member.userId();
        return conversation.directLow().equals(me) ? conversation.directHigh() : conversation.directLow();
    }
}
