package io.nova.messaging.db;

import org.jdbi.v3.core.Handle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SQL for writing a batch of text messages in one transaction (see {@code TextSends}): each statement does its part
 * for every message of the batch at once. Every method runs on the caller's handle, inside the caller's transaction.
 */
public final class BatchSendStore {

    /** A sender and the conversation they write to. */
    public record Sender(UUID conversation, UUID user) {
    }

    /** A text message to insert, its seq taken. */
    public record NewText(UUID id, UUID conversation, long seq, UUID sender, String text, UUID replyTo) {
    }

    /**
     * Locks the conversations' seq rows ({@code FOR NO KEY UPDATE}, as a single send's seq update does) in id order,
     * so two batches never wait for each other in a cycle. Returns the ids that exist.
     */
    public List<UUID> lockSequences(Handle handle, List<UUID> conversations) {
        return handle.createQuery("""
                        SELECT id FROM conversations WHERE id = ANY(:ids) ORDER BY id FOR NO KEY UPDATE""")
                .bindArray("ids", UUID.class, conversations.toArray())
                .mapTo(UUID.class)
                .list();
    }

    /**
     * For each sender: the conversation, their membership row if any, and the current members. Read after
     * {@link #lockSequences}, in a statement of its own, so it sees every membership change committed before the
     * locks were had (a single send reads them after its seq update for the same reason). A conversation that does
     * not exist has no entry.
     */
    public Map<Sender, ConversationStore.WithMembers> withMembers(Handle handle, List<Sender> senders) {
        return handle.createQuery("SELECT p.asked_conversation, p.asked_user, " + Rows.CONVERSATION_COLUMNS + ", "
                        + Rows.MEMBER_COLUMNS_OF_M + """
                        , ARRAY(SELECT a.user_id FROM members a WHERE a.conversation_id = c.id AND a.left_seq IS NULL
                                 ORDER BY a.joined_at, a.user_id) AS current_members
                          FROM unnest(:conversations, :users) AS p(asked_conversation, asked_user)
                          JOIN conversations c ON c.id = p.asked_conversation
                          LEFT JOIN members m ON m.conversation_id = c.id AND m.user_id = p.asked_user""")
                .bindArray("conversations", UUID.class, senders.stream().map(Sender::conversation).toArray())
                .bindArray("users", UUID.class, senders.stream().map(Sender::user).toArray())
                .map((rs, ctx) -> Map.entry(
                        new Sender(rs.getObject("asked_conversation", UUID.class), rs.getObject("asked_user", UUID.class)),
                        new ConversationStore.WithMembers(ConversationStore.withMember(rs),
                                Rows.uuids(rs.getArray("current_members")))))
                .collectToMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /**
     * Takes {@code counts.get(c)} seqs of each conversation c at once; returns each one's new last seq (the taken
     * ones end there). Call it with the locks of {@link #lockSequences} held.
     */
    public Map<UUID, Long> takeSeqs(Handle handle, Map<UUID, Integer> counts) {
        return handle.createQuery("""
                        UPDATE conversations c SET last_seq = c.last_seq + t.n, last_activity_at = clock_timestamp()
                          FROM unnest(:ids, :counts) AS t(id, n)
                         WHERE c.id = t.id
                        RETURNING c.id, c.last_seq""")
                .bindArray("ids", UUID.class, counts.keySet().toArray())
                .bindArray("counts", Integer.class, counts.values().toArray())
                .map((rs, ctx) -> Map.entry(rs.getObject("id", UUID.class), rs.getLong("last_seq")))
                .collectToMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Inserts the messages with one statement; returns their rows by id. */
    public Map<UUID, MessageRow> insertTexts(Handle handle, List<NewText> texts) {
        Map<UUID, MessageRow> rows = new LinkedHashMap<>();
        handle.createQuery("""
                        INSERT INTO messages AS x (id, conversation_id, seq, sender_id, text, media_ids, reply_to)
                        SELECT t.id, t.conversation_id, t.seq, t.sender_id, t.text, '{}', t.reply_to
                          FROM unnest(:ids, :conversations, :seqs, :senders, :texts, :replies)
                               AS t(id, conversation_id, seq, sender_id, text, reply_to)
                        """ + " RETURNING " + Rows.MESSAGE_COLUMNS)
                .bindArray("ids", UUID.class, texts.stream().map(NewText::id).toArray())
                .bindArray("conversations", UUID.class, texts.stream().map(NewText::conversation).toArray())
                .bindArray("seqs", Long.class, texts.stream().map(NewText::seq).toArray())
                .bindArray("senders", UUID.class, texts.stream().map(NewText::sender).toArray())
                .bindArray("texts", String.class, texts.stream().map(NewText::text).toArray())
                .bindArray("replies", UUID.class, texts.stream().map(NewText::replyTo).toArray())
                .map((rs, ctx) -> Rows.message(rs, ""))
                .forEach(row -> rows.put(row.id(), row));
        return rows;
    }
}
