package io.nova.messaging.core;

import io.nova.contracts.EventTypes;
import io.nova.kernel.api.Ids;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.paging.Keyset;
import io.nova.kernel.paging.Page;
import io.nova.kernel.paging.PageRequest;
import io.nova.messaging.api.ConversationView;
import io.nova.messaging.api.CreateConversationRequest;
import io.nova.messaging.db.ConversationRow;
import io.nova.messaging.db.ConversationStore;
import io.nova.messaging.db.ListedConversation;
import io.nova.messaging.db.MemberRow;
import io.nova.messaging.db.MemberStore;
import io.nova.messaging.db.MessageStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Conversations: starting one (a direct one at most once per pair, under any concurrency), reading one, the
 * caller's list, and renaming a group. Members are {@link MemberService}'s.
 */
public final class ConversationService {

    /** A conversation as the caller sees it, and whether this request created it (201) or found it (200). */
    public record Started(ConversationView conversation, boolean created) {
    }

    private final Jdbi jdbi;
    private final ConversationStore conversations;
    private final MemberStore members;
    private final MessageStore messages;
    private final Access access;
    private final People people;
    private final Announcer announcer;

    public ConversationService(Jdbi jdbi, ConversationStore conversations, MemberStore members,
                               MessageStore messages, Access access, People people, Announcer announcer) {
        this.jdbi = jdbi;
        this.conversations = conversations;
        this.members = members;
        this.messages = messages;
        this.access = access;
        this.people = people;
        this.announcer = announcer;
    }

    public Started start(UUID caller, CreateConversationRequest request) {
        ConversationDraft draft = ConversationDraft.of(caller, request);
        Set<UUID> unknown = people.unknown(draft.others());
        if (!unknown.isEmpty()) {
            throw ConversationDraft.unknownUsers(unknown);
        }
        Set<UUID> blocked = people.blockedEitherWay(caller, draft.others());
        if (!blocked.isEmpty()) {
            throw draft.direct() ? DomainException.forbidden("You cannot message this user")
                    : MemberService.cannotAdd(blocked);
        }
        UUID id = UUID.randomUUID();
        return jdbi.inTransaction(handle -> {
            Optional<ConversationRow> created = draft.direct()
                    ? conversations.insertDirect(handle, id, caller, draft.others().get(0))
                    : Optional.of(conversations.insertGroup(handle, id, draft.name().orElse(null), caller));
            if (created.isEmpty()) {
                // The pair's conversation exists (perhaps committed a moment ago by a concurrent request: the
                // insert waited for it). A direct conversation's members never change, so the caller is one.
                ConversationRow existing = conversations.findDirect(handle, caller, draft.others().get(0))
                        .orElseThrow();
                return new Started(view(handle, existing, caller), false);
            }
            for (UUID member : draft.everyone()) {
                Role role = draft.direct() || !member.equals(caller) ? Role.MEMBER : Role.OWNER;
                members.join(handle, id, member, role.wireName(), 0);
            }
            conversations.adjustMembers(handle, id, draft.everyone().size());
            ConversationView view = view(handle, conversations.find(handle, id).orElseThrow(), caller);
            announcer.toMembers(handle, EventTypes.CONVERSATION_CREATED, id, view.shared());
            return new Started(view, true);
        });
    }

    public ConversationView get(UUID caller, String id) {
        UUID conversation = Ids.inPath("Conversation", id);
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> view(handle,
                access.member(handle, conversation, caller, id).conversation(), caller));
    }

    /** The caller's conversations, most recently active first. */
    public Page<ConversationView> list(UUID caller, PageRequest page) {
        Optional<Keyset> after = page.cursor().map(Keyset::of);
        // One snapshot for the page and its members (reads only: repeatable read never has to retry them).
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            Page<ListedConversation> cut = Page.from(conversations.listed(handle, caller, after, page.fetchSize()),
                    page, listed -> new Keyset(listed.activityAt(), listed.conversation().id()).cursor());
            Map<UUID, List<MemberRow>> current = members.current(handle,
                    cut.items().stream().map(listed -> listed.conversation().id()).toList());
            return cut.map(listed -> Views.conversation(listed.conversation(),
                    current.getOrDefault(listed.conversation().id(), List.of()), listed.last(),
                    listed.activityAt(), listed.unread()));
        });
    }

    public ConversationView rename(UUID caller, String id, Optional<String> name) {
        UUID conversation = Ids.inPath("Conversation", id);
        return jdbi.inTransaction(handle -> {
            Membership membership = access.member(handle, conversation, caller, id,
                    ConversationStore.Lock.STABLE_MEMBERS);
            MemberRules.requireGroup(membership.conversation().direct());
            MemberRules.requireMayRename(membership.role());
            conversations.rename(handle, conversation, name.orElse(null));
            return announceUpdate(handle, conversation, caller);
        });
    }

    /** The conversation as it is now, announced to its members as {@code conversation.updated}. */
    ConversationView announceUpdate(Handle handle, UUID conversation, UUID caller) {
        ConversationView view = view(handle, conversations.find(handle, conversation).orElseThrow(), caller);
        announcer.toMembers(handle, EventTypes.CONVERSATION_UPDATED, conversation, view.shared());
        return view;
    }

    /**
     * A member's view: members, newest message, their unread count. Callers run it where it sees one state: a
     * repeatable-read transaction, or one holding the conversation's lock.
     */
    ConversationView view(Handle handle, ConversationRow row, UUID caller) {
        List<MemberRow> current = members.current(handle, row.id());
        MemberRow mine = current.stream().filter(member -> member.userId().equals(caller)).findFirst()
                .orElseThrow(() -> Access.notFound(row.id().toString()));
        long unread = members.unread(handle, row.id(), caller, mine.readSeq());
        return Views.conversation(row, current, row.lastSeq() == 0 ? null
                        : messages.bySeq(handle, row.id(), row.lastSeq()).orElse(null),
                row.lastActivityAt().isAfter(mine.joinedAt()) ? row.lastActivityAt() : mine.joinedAt(), unread);
    }
}
