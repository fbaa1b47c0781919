package io.nova.messaging.core;

import io.nova.kernel.api.Ids;
import io.nova.kernel.paging.Page;
import io.nova.kernel.paging.PageRequest;
import io.nova.messaging.api.MediaView;
import io.nova.messaging.api.MessageView;
import io.nova.messaging.db.MessageRow;
import io.nova.messaging.db.MessageStore;
import io.nova.messaging.db.ReactionRow;
import io.nova.messaging.db.ReactionStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A conversation's messages, paged by seq ({@link SeqPage}), tombstones included (they keep the sequence whole).
 * A former member pages only through the messages of their time as a member.
 */
public final class MessageLists {

    private final Jdbi jdbi;
    private final MessageStore messages;
    private final ReactionStore reactions;
    private final Access access;
    private final Media media;

    public MessageLists(Jdbi jdbi, MessageStore messages, ReactionStore reactions, Access access, Media media) {
        this.jdbi = jdbi;
        this.messages = messages;
        this.reactions = reactions;
        this.access = access;
        this.media = media;
    }

    public Page<MessageView> page(UUID caller, String id, String beforeSeq, String afterSeq, PageRequest request) {
        UUID conversation = Ids.inPath("Conversation", id);
        SeqPage page = SeqPage.of(beforeSeq, afterSeq, request);
        record Fetched(List<MessageRow> items, String nextCursor, Map<UUID, List<ReactionRow>> reactions) {
        }
        Fetched rows = jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            long upTo = access.readableUpTo(handle, conversation, caller, id);
            List<MessageRow> fetched = page.forward()
                    ? messages.after(handle, conversation, page.from(), upTo, request.fetchSize())
                    : messages.before(handle, conversation, page.from(), upTo, request.fetchSize());
            Page<MessageRow> cut = Page.from(fetched, request, row -> page.next(row.seq()));
            Map<UUID, List<ReactionRow>> counts = reactions.counts(handle,
                            cut.items().stream().map(MessageRow::id).toList(), caller).stream()
                    .collect(Collectors.groupingBy(ReactionRow::messageId));
            return new Fetched(cut.items(), cut.nextCursor(), counts);
        });
        List<UUID> mediaIds = new ArrayList<>();
        rows.items().forEach(row -> mediaIds.addAll(row.mediaIds()));
        Map<UUID, MediaView> known = mediaIds.isEmpty() ? Map.of() : media.views(mediaIds);
        List<MessageView> items = rows.items().stream()
                .map(row -> Views.message(row, Views.media(row, known),
                        rows.reactions().getOrDefault(row.id(), List.of()), caller))
                .toList();
        return new Page<>(items, rows.nextCursor());
    }
}
