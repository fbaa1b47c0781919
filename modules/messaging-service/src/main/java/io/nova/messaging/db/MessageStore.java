package io.nova.messaging.db;

import io.nova.kernel.db.SqlLimit;
import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for messages. Every method runs on the caller's handle, inside the caller's transaction. */
public final class MessageStore {

    private static final String SELECT = "SELECT " + Rows.MESSAGE_COLUMNS + " FROM messages x";
    private static final String RETURNING = " RETURNING " + Rows.MESSAGE_COLUMNS;

    public MessageRow insert(Handle handle, UUID id, UUID conversation, long seq, UUID sender, String text,
                             List<UUID> mediaIds, UUID replyTo) {
        return handle.createQuery("""
                        INSERT INTO messages AS x (id, conversation_id, seq, sender_id, text, media_ids, reply_to)
                        VALUES (:id, :conversation, :seq, :sender, :text, CAST(:media AS uuid[]), CAST(:replyTo AS uuid))"""
                        + RETURNING)
                .bind("id", id).bind("conversation", conversation).bind("seq", seq).bind("sender", sender)
                .bind("text", text).bind("media", mediaIds.toArray(UUID[]::new)).bind("replyTo", replyTo)
                .map((rs, ctx) -> Rows.message(rs, "")).one();
    }

    public Optional<MessageRow> find(Handle handle, UUID id) {
        return handle.createQuery(SELECT + " WHERE x.id = :id").bind("id", id)
                .map((rs, ctx) -> Rows.message(rs, "")).findOne();
    }

    public Optional<MessageRow> bySeq(Handle handle, UUID conversation, long seq) {
        return handle.createQuery(SELECT + " WHERE x.conversation_id = :conversation AND x.seq = :seq")
                .bind("conversation", conversation).bind("seq", seq)
                .map((rs, ctx) -> Rows.message(rs, "")).findOne();
    }

    /** Reads the message and locks it until the transaction ends (edits, deletes and reactions of it queue). */
    public Optional<MessageRow> lock(Handle handle, UUID id) {
        return handle.createQuery(SELECT + " WHERE x.id = :id FOR NO KEY UPDATE").bind("id", id)
                .map((rs, ctx) -> Rows.message(rs, "")).findOne();
    }

    /** Messages with {@code seq < before} (and at most {@code upTo}), newest first. */
    public List<MessageRow> before(Handle handle, UUID conversation, long before, long upTo, int limit) {
        return handle.createQuery(SELECT + """
                         WHERE x.conversation_id = :conversation AND x.seq < :before AND x.seq <= :upTo
                        ORDER BY x.seq DESC""" + SqlLimit.of(limit))
                .bind("conversation", conversation).bind("before", before).bind("upTo", upTo)
                .map((rs, ctx) -> Rows.message(rs, "")).list();
    }

    /** Messages with {@code after < seq <= upTo}, oldest first. */
    public List<MessageRow> after(Handle handle, UUID conversation, long after, long upTo, int limit) {
        return handle.createQuery(SELECT + """
                         WHERE x.conversation_id = :conversation AND x.seq > :after AND x.seq <= :upTo
                        ORDER BY x.seq""" + SqlLimit.of(limit))
                .bind("conversation", conversation).bind("after", after).bind("upTo", upTo)
                .map((rs, ctx) -> Rows.message(rs, "")).list();
    }

    public MessageRow edit(Handle handle, UUID id, String text) {
        return handle.createQuery("UPDATE messages AS x SET text = :text, edited_at = clock_timestamp() WHERE x.id = :id"
                        + RETURNING)
                .bind("id", id).bind("text", text).map((rs, ctx) -> Rows.message(rs, "")).one();
    }

    /** Turns the message into a tombstone: seq, sender and times stay; text and media go. */
    public MessageRow tombstone(Handle handle, UUID id) {
        return handle.createQuery("""
                        UPDATE messages AS x SET text = NULL, media_ids = '{}', deleted_at = clock_timestamp()
                         WHERE x.id = :id""" + RETURNING)
                .bind("id", id).map((rs, ctx) -> Rows.message(rs, "")).one();
    }
}
