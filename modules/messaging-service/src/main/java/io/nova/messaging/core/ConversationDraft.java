package io.nova.messaging.core;

import io.nova.kernel.api.Ids;
import io.nova.kernel.errors.DomainException;
import io.nova.messaging.api.CreateConversationRequest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A new conversation's request, checked. The creator is always a member (listing oneself changes nothing); one
 * other member and no name is a direct conversation, anything else a group of at most
 * {@value MemberRules#MAX_MEMBERS} with an optional name of at most {@value #MAX_NAME} characters.
 */
public record ConversationDraft(UUID creator, List<UUID> others, Optional<String> name) {

    public static final int MAX_NAME = 100;

    public static ConversationDraft of(UUID creator, CreateConversationRequest request) {
        List<String> given = request.memberIds() == null ? List.of() : request.memberIds();
        Set<UUID> others = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            UUID id = Ids.param("member_ids[" + i + "]", given.get(i));
            if (!id.equals(creator) && !others.add(id)) {
                throw Fields.invalid("member_ids", "lists " + id + " twice");
            }
        }
        if (others.isEmpty()) {
            throw Fields.invalid("member_ids", "must name at least one other user");
        }
        if (others.size() > MemberRules.MAX_MEMBERS - 1) {
            throw Fields.invalid("member_ids", "may name at most " + (MemberRules.MAX_MEMBERS - 1)
                    + " other users (a group has at most " + MemberRules.MAX_MEMBERS + " members), got "
                    + others.size());
        }
        return new ConversationDraft(creator, new ArrayList<>(others),
                request.name() == null ? Optional.empty() : Optional.of(name(request.name())));
    }

    /** A group name: 1 to {@value #MAX_NAME} characters, not only spaces; kept as given but for outer spaces. */
    public static String name(String name) {
        String stripped = name.strip();
        if (stripped.isEmpty()) {
            throw Fields.invalid("name", "must not be blank");
        }
        if (Fields.length(stripped) > MAX_NAME) {
            throw Fields.invalid("name", "must be at most " + MAX_NAME + " characters, got "
                    + Fields.length(stripped));
        }
        return stripped;
    }

    public boolean direct() {
        return others.size() == 1 && name.isEmpty();
    }

    /** Everyone the conversation starts with, the creator first. */
    public List<UUID> everyone() {
        List<UUID> all = new ArrayList<>(List.of(creator));
        all.addAll(others);
        return all;
    }

    /** The refusal when some of the users do not exist: 422 naming each. */
    public static DomainException unknownUsers(Set<UUID> unknown) {
        List<String> ids = unknown.stream().map(UUID::toString).sorted().toList();
        return DomainException.unprocessable("user_not_found",
                (ids.size() == 1 ? "User " + ids.get(0) + " does not exist" : "Users " + String.join(", ", ids)
                        + " do not exist"), Map.of("user_ids", ids));
    }
}
