package io.nova.messaging.db;

import io.nova.kernel.db.SqlLimit;
import io.nova.kernel.paging.Keyset;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for conversations. Every method runs on the caller's handle, inside the caller's transaction. */
public final class ConversationStore {

    /**
     * Row locks on a conversation, weakest first. Membership changes take {@link #MEMBERSHIP}; a send takes
     * {@link #SEQUENCE} (sends follow one another, so seqs are contiguous); everything else that writes about the
     * conversation takes {@link #STABLE_MEMBERS}, which lets sends and other such writes run alongside but not a
     * membership change — so the members read afterwards are exactly the members when the transaction commits.
     */
    public enum Lock {
        STABLE_MEMBERS("FOR KEY SHARE"), SEQUENCE("FOR NO KEY UPDATE"), MEMBERSHIP("FOR UPDATE");

        private final String sql;

        Lock(String sql) {
            this.sql = sql;
        }
    }

    private static final String SELECT = "SELECT " + Rows.CONVERSATION_COLUMNS + " FROM conversations c";

    public ConversationRow insertGroup(Handle handle, UUID id, String name, UUID createdBy) {
        return handle.createQuery("""
                        INSERT INTO conversations AS c (id, kind, name, created_by) VALUES (:id, 'group', :name, :by)
                        RETURNING\s""" + Rows.CONVERSATION_COLUMNS)
                .bind("id", id).bind("name", name).bind("by", createdBy)
                .map((rs, ctx) -> Rows.conversation(rs)).one();
    }

    /** The pair's new direct conversation; empty when the pair already has one (then {@link #findDirect}). */
    public Optional<ConversationRow> insertDirect(Handle handle, UUID id, UUID one, UUID other) {
        return handle.createQuery("""
                        INSERT INTO conversations AS c (id, kind, direct_low, direct_high, created_by)
                        VALUES (:id, 'direct', LEAST(:one, :other), GREATEST(:one, :other), :one)
                        ON CONFLICT (direct_low, direct_high) DO NOTHING
                        RETURNING\s""" + Rows.CONVERSATION_COLUMNS)
                .bind("id", id).bind("one", one).bind("other", other)
                .map((rs, ctx) -> Rows.conversation(rs)).findOne();
    }

    public Optional<ConversationRow> findDirect(Handle handle, UUID one, UUID other) {
        return handle.createQuery(SELECT
                        + " WHERE c.direct_low = LEAST(:one, :other) AND c.direct_high = GREATEST(:one, :other)")
                .bind("one", one).bind("other", other)
                .map((rs, ctx) -> Rows.conversation(rs)).findOne();
    }

    public Optional<ConversationRow> find(Handle handle, UUID id) {
        return handle.createQuery(SELECT + " WHERE c.id = :id").bind("id", id)
                .map((rs, ctx) -> Rows.conversation(rs)).findOne();
    }

    /** A conversation and one user's membership row of it, empty when they never were a member. */
    public record WithMember(ConversationRow conversation, Optional<MemberRow> member) {
    }

    /**
     * The conversation and {@code user}'s membership row in one query (a send with media asks this before it
     * claims the media, and every send again in its transaction); empty when the conversation does not exist. With
     * a {@code lock}, the conversation's row is read under it, held until the transaction ends.
     */
    public Optional<WithMember> withMember(Handle handle, UUID id, UUID user, Optional<Lock> lock) {
        return handle.createQuery("SELECT " + Rows.CONVERSATION_COLUMNS + ", " + Rows.MEMBER_COLUMNS_OF_M + """
                         FROM conversations c
                         LEFT JOIN members m ON m.conversation_id = c.id AND m.user_id = :user
                        WHERE c.id = :id""" + lock.map(held -> " " + held.sql + " OF c").orElse(""))
                .bind("id", id).bind("user", user)
                .map((rs, ctx) -> withMember(rs))
                .findOne();
    }

    /** {@link #withMember}, and the current members as {@link MemberStore#recipients} lists them. */
    public record WithMembers(WithMember withMember, List<UUID> members) {
    }

    /**
     * {@link #withMember} and the conversation's current members in one query: what a send needs once its
     * {@link #nextSeq} holds the row (membership changes wait for that lock, so these are the members at commit).
     */
    public Optional<WithMembers> withMemberAndMembers(Handle handle, UUID id, UUID user) {
        return handle.createQuery("SELECT " + Rows.CONVERSATION_COLUMNS + ", " + Rows.MEMBER_COLUMNS_OF_M + """
                        , ARRAY(SELECT a.user_id FROM members a WHERE a.conversation_id = c.id AND a.left_seq IS NULL
                                 ORDER BY a.joined_at, a.user_id) AS current_members
                         FROM conversations c
                         LEFT JOIN members m ON m.conversation_id = c.id AND m.user_id = :user
                        WHERE c.id = :id""")
                .bind("id", id).bind("user", user)
                .map((rs, ctx) -> new WithMembers(withMember(rs), Rows.uuids(rs.getArray("current_members"))))
                .findOne();
    }

    static WithMember withMember(ResultSet rs) throws SQLException {
        return new WithMember(Rows.conversation(rs), rs.getObject("user_id") == null
                ? Optional.empty() : Optional.of(Rows.member(rs)));
    }

    /**
     * Takes the next seq: the row stays locked until the transaction ends, so concurrent senders on any replica
     * follow one another, and a rollback gives the number back. Empty when the conversation does not exist.
     */
    public Optional<Long> nextSeq(Handle handle, UUID id) {
        return handle.createQuery("""
                        UPDATE conversations SET last_seq = last_seq + 1, last_activity_at = clock_timestamp()
                         WHERE id = :id RETURNING last_seq""")
                .bind("id", id).mapTo(Long.class).findOne();
    }

    public void rename(Handle handle, UUID id, String name) {
        handle.createUpdate("UPDATE conversations SET name = :name WHERE id = :id")
                .bind("id", id).bind("name", name).execute();
    }

    public void adjustMembers(Handle handle, UUID id, int delta) {
        handle.createUpdate("UPDATE conversations SET member_count = member_count + :delta WHERE id = :id")
                .bind("id", id).bind("delta", delta).execute();
    }

    /**
     * A user's conversations, most recently active first (a new message, or their joining), after {@code after}.
     * Unread = messages of others after the read position, tombstones left out; counted in the same snapshot as
     * the rest of the row, so the number is exact at that moment.
     */
    public List<ListedConversation> listed(Handle handle, UUID user, Optional<Keyset> after, int limit) {
        String keyset = after.isEmpty() ? ""
                : " AND (GREATEST(c.last_activity_at, m.joined_at), c.id) < (:afterAt, :afterId)";
        Query query = handle.createQuery("SELECT " + Rows.CONVERSATION_COLUMNS + """
                        , m.read_seq, GREATEST(c.last_activity_at, m.joined_at) AS activity_at,
                               (SELECT count(*) FROM messages u
                                 WHERE u.conversation_id = c.id AND u.seq > m.read_seq AND u.sender_id <> m.user_id
                                   AND u.deleted_at IS NULL) AS unread,
                               x.id AS l_id, x.conversation_id AS l_conversation_id, x.seq AS l_seq,
                               x.sender_id AS l_sender_id, x.text AS l_text, x.media_ids AS l_media_ids,
                               x.reply_to AS l_reply_to, x.created_at AS l_created_at, x.edited_at AS l_edited_at,
                               x.deleted_at AS l_deleted_at
                          FROM members m
                          JOIN conversations c ON c.id = m.conversation_id
                          LEFT JOIN messages x ON x.conversation_id = c.id AND x.seq = c.last_seq
                         WHERE m.user_id = :user AND m.left_seq IS NULL""" + keyset
                        + " ORDER BY activity_at DESC, c.id DESC" + SqlLimit.of(limit))
                .bind("user", user);
        after.ifPresent(position -> query.bind("afterAt", Timestamp.from(position.at()))
                .bind("afterId", position.id()));
        return query.map((rs, ctx) -> new ListedConversation(Rows.conversation(rs), rs.getLong("read_seq"),
                Rows.instant(rs, "activity_at"), rs.getLong("unread"),
                rs.getObject("l_id") == null ? null : Rows.message(rs, "l_"))).list();
    }
}
