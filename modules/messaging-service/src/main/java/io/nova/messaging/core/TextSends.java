package io.nova.messaging.core;

import io.nova.contracts.EventTypes;
import io.nova.kernel.db.GroupCommit;
import io.nova.kernel.db.GroupCommit.Outcome;
import io.nova.kernel.errors.DomainException;
import io.nova.messaging.db.BatchSendStore;
import io.nova.messaging.db.BatchSendStore.NewText;
import io.nova.messaging.db.BatchSendStore.Sender;
import io.nova.messaging.db.ConversationStore;
import io.nova.messaging.db.ConversationStore.WithMembers;
import io.nova.messaging.db.MessageRow;
import io.nova.messaging.db.MessageStore;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Text messages written many to a transaction ({@link GroupCommit}), under the rules a single send follows: the
 * conversations' seq rows are locked first (in id order), then each sender's membership and the members are read,
 * a direct conversation with a block either way is refused, a reply must be to a live message of the same
 * conversation; then each conversation takes as many seqs as it has messages in the batch, in the batch's order —
 * still 1, 2, 3 … with no gap, since a refused message takes none — and the rows and their events are written with
 * one statement each.
 */
public final class TextSends implements GroupCommit.Batch<TextSends.Send, MessageRow> {

    /** A text message to write: its new id, its conversation (as the caller named it too), its sender, its draft. */
    public record Send(UUID id, UUID conversation, String asked, UUID sender, MessageDraft draft) {
    }

    private final BatchSendStore store;
    private final MessageStore messages;
    private final Access access;
    private final People people;
    private final Announcer announcer;
    private final OneMessage one;

    public TextSends(BatchSendStore store, ConversationStore conversations, MessageStore messages, Access access,
                     People people, Announcer announcer) {
        this.store = store;
        this.messages = messages;
        this.access = access;
        this.people = people;
        this.announcer = announcer;
        this.one = new OneMessage(conversations, messages, access, announcer);
    }

    @Override
    public List<Outcome<MessageRow>> write(Handle handle, List<Send> sends) {
        if (sends.size() == 1) {
            // Alone in its transaction: a refusal may throw, and its rollback gives the seq back.
            Send send = sends.get(0);
            return List.of(Outcome.written(one.write(handle, send.id(), send.conversation(), send.asked(),
                    send.sender(), send.draft(), List.of(), true)));
        }
        store.lockSequences(handle, sends.stream().map(Send::conversation).distinct().toList());
        Map<Sender, WithMembers> found = store.withMembers(handle,
                sends.stream().map(TextSends::sender).distinct().toList());
        People.Blocks blocks = people.lookAhead(othersOfDirect(found));

        List<Outcome<MessageRow>> outcomes = new ArrayList<>(Collections.nCopies(sends.size(), null));
        Map<UUID, Integer> counts = new LinkedHashMap<>();
        List<Integer> accepted = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++) {
            Send send = sends.get(i);
            WithMembers conversation = found.get(sender(send));
            try {
                access.requireOpen(Access.member(Optional.ofNullable(conversation).map(WithMembers::withMember),
                        send.asked()), blocks);
                Optional<UUID> replyTo = send.draft().replyTo();
                if (replyTo.isPresent()) {
                    MessageService.requireReplyable(messages, handle, send.conversation(), replyTo.get());
                }
            } catch (DomainException refused) {
                outcomes.set(i, Outcome.refused(refused));
                continue;
            }
            counts.merge(send.conversation(), 1, Integer::sum);
            accepted.add(i);
        }
        if (accepted.isEmpty()) {
            return outcomes;
        }

        Map<UUID, Long> last = store.takeSeqs(handle, counts);
        Map<UUID, Long> next = new HashMap<>();
        counts.forEach((conversation, count) -> next.put(conversation, last.get(conversation) - count + 1));
        List<NewText> texts = new ArrayList<>(accepted.size());
        for (int i : accepted) {
            Send send = sends.get(i);
            long seq = next.merge(send.conversation(), 1L, Long::sum) - 1;
            texts.add(new NewText(send.id(), send.conversation(), seq, send.sender(), send.draft().text(),
                    send.draft().replyTo().orElse(null)));
        }
        Map<UUID, MessageRow> rows = store.insertTexts(handle, texts);
        List<Announcer.Announcement> announcements = new ArrayList<>(accepted.size());
        for (int i : accepted) {
            Send send = sends.get(i);
            MessageRow row = rows.get(send.id());
            announcements.add(new Announcer.Announcement(send.conversation(), found.get(sender(send)).members(),
                    Views.message(row, List.of(), List.of(), null)));
            outcomes.set(i, Outcome.written(row));
        }
        announcer.toEach(handle, EventTypes.MESSAGE_CREATED, announcements);
        return outcomes;
    }

    private static Sender sender(Send send) {
        return new Sender(send.conversation(), send.sender());
    }

    /** Whom each sender's block lookups are about: the other user of each direct conversation they write to. */
    private static Map<UUID, Set<UUID>> othersOfDirect(Map<Sender, WithMembers> found) {
        Map<UUID, Set<UUID>> others = new HashMap<>();
        found.forEach((sender, conversation) -> {
            var row = conversation.withMember().conversation();
            if (row.direct() && (sender.user().equals(row.directLow()) || sender.user().equals(row.directHigh()))) {
                UUID other = sender.user().equals(row.directLow()) ? row.directHigh() : row.directLow();
                others.computeIfAbsent(sender.user(), user -> new HashSet<>()).add(other);
            }
        });
        return others;
    }
}
