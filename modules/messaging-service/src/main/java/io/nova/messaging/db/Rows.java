package io.nova.messaging.db;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Reading rows out of result sets; {@code prefix} selects aliased columns of a joined table. */
final class Rows {

    static final String CONVERSATION_COLUMNS = """
            c.id, c.kind, c.name, c.direct_low, c.direct_high, c.created_by, c.created_at, c.last_seq,
            c.last_activity_at, c.member_count""";

    /** A member row's columns from a join that calls the members table {@code m}. */
    static final String MEMBER_COLUMNS_OF_M = "m.conversation_id, m.user_id, m.role, m.joined_at, m.read_seq, m.left_seq";

    static final String MESSAGE_COLUMNS = """
            x.id, x.conversation_id, x.seq, x.sender_id, x.text, x.media_ids, x.reply_to, x.created_at, x.edited_at,
            x.deleted_at""";

    private Rows() {
    }

    static ConversationRow conversation(ResultSet rs) throws SQLException {
        return new ConversationRow(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("name"),
                rs.getObject("direct_low", UUID.class), rs.getObject("direct_high", UUID.class),
                rs.getObject("created_by", UUID.class), instant(rs, "created_at"), rs.getLong("last_seq"),
                instant(rs, "last_activity_at"), rs.getInt("member_count"));
    }

    static MemberRow member(ResultSet rs) throws SQLException {
        return new MemberRow(rs.getObject("conversation_id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getString("role"), instant(rs, "joined_at"), rs.getLong("read_seq"),
                rs.getObject("left_seq", Long.class));
    }

    static MessageRow message(ResultSet rs, String prefix) throws SQLException {
        return new MessageRow(rs.getObject(prefix + "id", UUID.class),
                rs.getObject(prefix + "conversation_id", UUID.class), rs.getLong(prefix + "seq"),
                rs.getObject(prefix + "sender_id", UUID.class), rs.getString(prefix + "text"),
                uuids(rs.getArray(prefix + "media_ids")), rs.getObject(prefix + "reply_to", UUID.class),
                instant(rs, prefix + "created_at"), instant(rs, prefix + "edited_at"),
                instant(rs, prefix + "deleted_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static List<UUID> uuids(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        return List.of(Arrays.copyOf(values, values.length, UUID[].class));
    }
}
