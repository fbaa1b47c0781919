package io.nova.messaging.core;

import io.nova.messaging.api.ConversationView;
import io.nova.messaging.api.MediaView;
import io.nova.messaging.api.MemberView;
import io.nova.messaging.api.MessagePreview;
import io.nova.messaging.api.MessageView;
import io.nova.messaging.api.ReactionCount;
import io.nova.messaging.db.ConversationRow;
import io.nova.messaging.db.MemberRow;
import io.nova.messaging.db.MessageRow;
import io.nova.messaging.db.ReactionRow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Rows as clients see them. Pure. A tombstone shows no text, media or reactions whatever the row still holds;
 * a view built for an event ({@code viewer} null) leaves out what differs per member.
 */
public final class Views {

    /** How much of the newest message a conversation list shows. */
    static final int PREVIEW_CHARACTERS = 140;

    private Views() {
    }

    public static MessageView message(MessageRow row, List<MediaView> media, List<ReactionRow> reactions,
                                      UUID viewer) {
        boolean deleted = row.deleted();
        return new MessageView(row.id().toString(), row.conversationId().toString(), row.seq(),
                row.senderId().toString(), deleted ? null : row.text(), deleted ? List.of() : List.copyOf(media),
                row.replyTo() == null ? null : row.replyTo().toString(),
                deleted ? List.of() : reactions(reactions, viewer), row.createdAt(), row.editedAt(), deleted);
    }

    /** The media of {@code row} that {@code known} has, in the order the sender gave. */
    public static List<MediaView> media(MessageRow row, Map<UUID, MediaView> known) {
        return row.mediaIds().stream().map(known::get).filter(Objects::nonNull).toList();
    }

    public static List<ReactionCount> reactions(List<ReactionRow> rows, UUID viewer) {
        return rows.stream()
                .map(row -> new ReactionCount(row.emoji(), row.count(), viewer == null ? null : row.mine()))
                .toList();
    }

    public static MessagePreview preview(MessageRow row) {
        if (row == null) {
            return null;
        }
        String text = row.text();
        if (text != null && Fields.length(text) > PREVIEW_CHARACTERS) {
            text = text.substring(0, text.offsetByCodePoints(0, PREVIEW_CHARACTERS)) + "…";
        }
        return new MessagePreview(row.id().toString(), row.seq(), row.senderId().toString(), text,
                row.mediaIds().size(), row.createdAt(), row.deleted());
    }

    /** {@code unread} null: the view every member shares (events). */
    public static ConversationView conversation(ConversationRow row, List<MemberRow> members, MessageRow last,
                                                Instant activityAt, Long unread) {
        return new ConversationView(row.id().toString(), row.kind(), row.name(),
                members.stream().map(Views::member).toList(), members.size(), row.lastSeq(), preview(last),
                row.createdAt(), activityAt, unread);
    }

    public static MemberView member(MemberRow row) {
        return new MemberView(row.userId().toString(), row.role(), row.joinedAt(), row.readSeq());
    }
}
