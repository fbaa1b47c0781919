package io.nova.messaging.db;

import org.jdbi.v3.core.Handle;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** SQL for reactions. Every method runs on the caller's handle, inside the caller's transaction. */
public final class ReactionStore {

    /** True when the reaction is new (a repeat changes nothing). */
    public boolean add(Handle handle, UUID message, UUID user, String emoji) {
        return handle.createUpdate("""
                        INSERT INTO reactions (message_id, user_id, emoji) VALUES (:message, :user, :emoji)
                        ON CONFLICT DO NOTHING""")
                .bind("message", message).bind("user", user).bind("emoji", emoji).execute() == 1;
    }

    /** True when there was such a reaction. */
    public boolean remove(Handle handle, UUID message, UUID user, String emoji) {
        return handle.createUpdate("""
                        DELETE FROM reactions WHERE message_id = :message AND user_id = :user AND emoji = :emoji""")
                .bind("message", message).bind("user", user).bind("emoji", emoji).execute() == 1;
    }

    /** How many different emojis the user has put on the message. */
    public int countByUser(Handle handle, UUID message, UUID user) {
        return handle.createQuery("SELECT count(*) FROM reactions WHERE message_id = :message AND user_id = :user")
                .bind("message", message).bind("user", user).mapTo(Integer.class).one();
    }

    public long count(Handle handle, UUID message, String emoji) {
        return handle.createQuery("SELECT count(*) FROM reactions WHERE message_id = :message AND emoji = :emoji")
                .bind("message", message).bind("emoji", emoji).mapTo(Long.class).one();
    }

    public void clear(Handle handle, UUID message) {
        handle.createUpdate("DELETE FROM reactions WHERE message_id = :message").bind("message", message).execute();
    }

    /**
     * Counts per message and emoji, each emoji in the order it was first used on the message; {@code mine} tells
     * whether {@code viewer} (may be null: nobody) is among those who reacted.
     */
    public List<ReactionRow> counts(Handle handle, Collection<UUID> messages, UUID viewer) {
        if (messages.isEmpty()) {
            return List.of();
        }
        return handle.createQuery("""
                        SELECT message_id, emoji, count(*) AS n,
                               COALESCE(bool_or(user_id = CAST(:viewer AS uuid)), false) AS mine
                          FROM reactions WHERE message_id = ANY(:messages)
                         GROUP BY message_id, emoji
                         ORDER BY message_id, min(created_at), emoji""")
                .bind("messages", messages.toArray(UUID[]::new)).bind("viewer", viewer)
                .map((rs, ctx) -> new ReactionRow(rs.getObject("message_id", UUID.class), rs.getString("emoji"),
                        rs.getLong("n"), rs.getBoolean("mine")))
                .list();
    }
}
