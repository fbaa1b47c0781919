package io.nova.messaging.db;

import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for members and their read positions. Every method runs on the caller's handle, inside the caller's
 * transaction; lists are in joining order.
 */
public final class MemberStore {

    private static final String COLUMNS = "conversation_id, user_id, role, joined_at, read_seq, left_seq";

    /**
     * Makes the user a member with {@code role}, reading from {@code readSeq} on; a former member comes back the
     * same way. Empty when they already are a member (nothing changes).
     */
    public Optional<MemberRow> join(Handle handle, UUID conversation, UUID user, String role, long readSeq) {
        return handle.createQuery("""
                        INSERT INTO members AS m (conversation_id, user_id, role, read_seq)
                        VALUES (:conversation, :user, :role, :readSeq)
                        ON CONFLICT (conversation_id, user_id) DO UPDATE
                           SET role = EXCLUDED.role, joined_at = clock_timestamp(),
                               read_seq = GREATEST(m.read_seq, EXCLUDED.read_seq), left_seq = NULL, left_at = NULL
                         WHERE m.left_seq IS NOT NULL
                        RETURNING\s""" + COLUMNS)
                .bind("conversation", conversation).bind("user", user).bind("role", role).bind("readSeq", readSeq)
                .map((rs, ctx) -> Rows.member(rs)).findOne();
    }

    /** The user's row in the conversation, current or former. */
    public Optional<MemberRow> find(Handle handle, UUID conversation, UUID user) {
        return handle.createQuery("SELECT " + COLUMNS
                        + " FROM members WHERE conversation_id = :conversation AND user_id = :user")
                .bind("conversation", conversation).bind("user", user)
                .map((rs, ctx) -> Rows.member(rs)).findOne();
    }

    public List<MemberRow> current(Handle handle, UUID conversation) {
        return handle.createQuery("SELECT " + COLUMNS + """
                         FROM members WHERE conversation_id = :conversation AND left_seq IS NULL
                        ORDER BY joined_at, user_id""")
                .bind("conversation", conversation)
                .map((rs, ctx) -> Rows.member(rs)).list();
    }

    /** The current members of each of {@code conversations}. */
    public Map<UUID, List<MemberRow>> current(Handle handle, Collection<UUID> conversations) {
        Map<UUID, List<MemberRow>> members = new LinkedHashMap<>();
        if (conversations.isEmpty()) {
            return members;
        }
        handle.createQuery("SELECT " + COLUMNS + """
                         FROM members WHERE conversation_id = ANY(:conversations) AND left_seq IS NULL
                        ORDER BY joined_at, user_id""")
                .bind("conversations", conversations.toArray(UUID[]::new))
                .map((rs, ctx) -> Rows.member(rs))
                .forEach(row -> members.computeIfAbsent(row.conversationId(), id -> new ArrayList<>())
                        .add(row));
        return members;
    }

    /** Who receives the conversation's events now: its current members. */
    public List<UUID> recipients(Handle handle, UUID conversation) {
        return handle.createQuery("""
                        SELECT user_id FROM members WHERE conversation_id = :conversation AND left_seq IS NULL
                        ORDER BY joined_at, user_id""")
                .bind("conversation", conversation).mapTo(UUID.class).list();
    }

    /** Ends a membership; from now on the user may read messages up to {@code leftSeq} and nothing else. */
    public boolean leave(Handle handle, UUID conversation, UUID user, long leftSeq) {
        return handle.createUpdate("""
                        UPDATE members SET left_seq = :leftSeq, left_at = clock_timestamp()
                         WHERE conversation_id = :conversation AND user_id = :user AND left_seq IS NULL""")
                .bind("conversation", conversation).bind("user", user).bind("leftSeq", leftSeq)
                .execute() == 1;
    }

    public void setRole(Handle handle, UUID conversation, UUID user, String role) {
        handle.createUpdate("""
                        UPDATE members SET role = :role
                         WHERE conversation_id = :conversation AND user_id = :user AND left_seq IS NULL""")
                .bind("conversation", conversation).bind("user", user).bind("role", role).execute();
    }

    /**
     * Raises a current member's read position to {@code upTo}; empty when it already was there or further (two
     * devices racing: the row lock orders them, and the condition is checked again on the newest row).
     */
    public Optional<Long> raiseRead(Handle handle, UUID conversation, UUID user, long upTo) {
        return handle.createQuery("""
                        UPDATE members SET read_seq = :upTo
                         WHERE conversation_id = :conversation AND user_id = :user AND left_seq IS NULL
                           AND read_seq < :upTo
                        RETURNING read_seq""")
                .bind("conversation", conversation).bind("user", user).bind("upTo", upTo)
                .mapTo(Long.class).findOne();
    }

    /** Messages of others after {@code readSeq}, tombstones left out. */
    public long unread(Handle handle, UUID conversation, UUID user, long readSeq) {
        return handle.createQuery("""
                        SELECT count(*) FROM messages
                         WHERE conversation_id = :conversation AND seq > :readSeq AND sender_id <> :user
                           AND deleted_at IS NULL""")
                .bind("conversation", conversation).bind("user", user).bind("readSeq", readSeq)
                .mapTo(Long.class).one();
    }
}
