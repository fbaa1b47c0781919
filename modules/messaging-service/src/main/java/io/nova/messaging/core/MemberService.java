package io.nova.messaging.core;

import io.nova.contracts.EventTypes;
import io.nova.kernel.api.Ids;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.ErrorKind;
import io.nova.messaging.api.ConversationView;
import io.nova.messaging.api.MessagingEvents;
import io.nova.messaging.db.ConversationStore;
import io.nova.messaging.db.MemberRow;
import io.nova.messaging.db.MemberStore;
import org.jdbi.v3.core.Jdbi;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A group's members: adding, removing (leaving is removing oneself), roles, and who a conversation's realtime
 * signals go to. Every change holds the conversation's membership lock ({@link ConversationStore.Lock#MEMBERSHIP}),
 * so it happens between sends, never during one.
 */
public final class MemberService {

    private final Jdbi jdbi;
    private final ConversationStore conversations;
    private final MemberStore members;
    private final Access access;
    private final People people;
    private final Announcer announcer;
    private final ConversationService views;

    public MemberService(Jdbi jdbi, ConversationStore conversations, MemberStore members, Access access,
                         People people, Announcer announcer, ConversationService views) {
        this.jdbi = jdbi;
        this.conversations = conversations;
        this.members = members;
        this.access = access;
        this.people = people;
        this.announcer = announcer;
        this.views = views;
    }

    /** Adds {@code userId} as a member; adding someone who already is one changes nothing. */
    public ConversationView add(UUID caller, String id, String userId) {
        UUID conversation = Ids.inPath("Conversation", id);
        UUID user = Ids.inPath("User", userId);
        // Checked before the other service is asked: a non-member learns nothing, not even about users.
        jdbi.useHandle(handle -> access.member(handle, conversation, caller, id));
        if (!people.unknown(List.of(user)).isEmpty()) {
            throw ConversationDraft.unknownUsers(Set.of(user));
        }
        if (!people.blockedEitherWay(caller, List.of(user)).isEmpty()) {
            throw cannotAdd(Set.of(user));
        }
        return jdbi.inTransaction(handle -> {
            Membership membership = access.member(handle, conversation, caller, id,
                    ConversationStore.Lock.MEMBERSHIP);
            MemberRules.requireGroup(membership.conversation().direct());
            boolean already = members.find(handle, conversation, user).filter(MemberRow::active).isPresent();
            if (already) {
                return views.view(handle, membership.conversation(), caller);
            }
            MemberRules.requireMayAdd(membership.role(), membership.conversation().memberCount());
            MemberRow added = members.join(handle, conversation, user, Role.MEMBER.wireName(),
                    membership.conversation().lastSeq()).orElseThrow();
            conversations.adjustMembers(handle, conversation, 1);
            announcer.toMembers(handle, EventTypes.MEMBER_ADDED, conversation, new MessagingEvents.MemberAdded(
                    conversation.toString(), Views.member(added), caller.toString()));
            return views.view(handle, conversations.find(handle, conversation).orElseThrow(), caller);
        });
    }

    /**
     * Removes {@code userId}, or — when it is the caller — leaves. An owner who leaves hands the group to the
     * longest-standing admin, else member ({@link MemberRules#successor}).
     */
    public void remove(UUID caller, String id, String userId) {
        UUID conversation = Ids.inPath("Conversation", id);
        UUID user = Ids.inPath("User", userId);
        jdbi.useTransaction(handle -> {
            Membership membership = access.member(handle, conversation, caller, id,
                    ConversationStore.Lock.MEMBERSHIP);
            MemberRules.requireGroup(membership.conversation().direct());
            MemberRow target = members.find(handle, conversation, user).filter(MemberRow::active)
                    .orElseThrow(() -> DomainException.notFound("Member", userId));
            Role targetRole = Role.of(target.role());
            MemberRules.requireMayRemove(caller, membership.role(), user, targetRole);
            members.leave(handle, conversation, user, membership.conversation().lastSeq());
            conversations.adjustMembers(handle, conversation, -1);
            announcer.toMembers(handle, EventTypes.MEMBER_REMOVED, conversation, new MessagingEvents.MemberRemoved(
                    conversation.toString(), user.toString(), caller.toString()), user);
            if (targetRole == Role.OWNER) {
                MemberRules.successor(members.current(handle, conversation)).ifPresent(next -> {
                    members.setRole(handle, conversation, next.userId(), Role.OWNER.wireName());
                    views.announceUpdate(handle, conversation, next.userId());
                });
            }
        });
    }

    /** The owner gives {@code userId} a role; giving {@code owner} hands the group over. */
    public ConversationView setRole(UUID caller, String id, String userId, Role role) {
        UUID conversation = Ids.inPath("Conversation", id);
        UUID user = Ids.inPath("User", userId);
        return jdbi.inTransaction(handle -> {
            Membership membership = access.member(handle, conversation, caller, id,
                    ConversationStore.Lock.MEMBERSHIP);
            MemberRules.requireGroup(membership.conversation().direct());
            members.find(handle, conversation, user).filter(MemberRow::active)
                    .orElseThrow(() -> DomainException.notFound("Member", userId));
            MemberRules.requireMayGiveRole(caller, membership.role(), user);
            members.setRole(handle, conversation, user, role.wireName());
            if (role == Role.OWNER) {
                members.setRole(handle, conversation, caller, Role.ADMIN.wireName());
            }
            return views.announceUpdate(handle, conversation, caller);
        });
    }

    /**
     * The current members of a conversation the caller belongs to (404 otherwise): whom the caller's realtime
     * signals (typing) go to.
     */
    public Set<UUID> membersVisibleTo(UUID caller, UUID conversation) {
        return jdbi.inTransaction(handle -> {
            access.member(handle, conversation, caller, conversation.toString());
            return new LinkedHashSet<>(members.recipients(handle, conversation));
        });
    }

    /** Adding someone who blocks the adder, or whom the adder blocks: 403 naming them. */
    static DomainException cannotAdd(Collection<UUID> blocked) {
        List<String> ids = blocked.stream().map(UUID::toString).sorted().toList();
        return DomainException.of(ErrorKind.FORBIDDEN, "forbidden",
                "You cannot add " + String.join(", ", ids) + " to a conversation", Map.of("user_ids", ids));
    }
}
