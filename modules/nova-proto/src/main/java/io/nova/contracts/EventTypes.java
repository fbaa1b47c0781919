package io.nova.contracts;

/** Every event type Nova publishes, in one place; producers and consumers refer to these constants. */
public final class EventTypes {

    // user-service → Topics.USER_EVENTS
    public static final String USER_REGISTERED = "user.registered";
    public static final String USER_UPDATED = "user.updated";
    public static final String USER_FOLLOWED = "user.followed";
    public static final String USER_UNFOLLOWED = "user.unfollowed";
    public static final String USER_BLOCKED = "user.blocked";
    public static final String USER_UNBLOCKED = "user.unblocked";
    public static final String USER_FOLLOW_REQUESTED = "user.follow_requested";
    public static final String USER_FOLLOW_REQUEST_REMOVED = "user.follow_request_removed";

    // content-service → Topics.CONTENT_EVENTS
    public static final String POST_CREATED = "post.created";
    public static final String POST_UPDATED = "post.updated";
    public static final String POST_DELETED = "post.deleted";
    public static final String POST_LIKED = "post.liked";
    public static final String POST_UNLIKED = "post.unliked";
    public static final String COMMENT_CREATED = "comment.created";
    public static final String COMMENT_DELETED = "comment.deleted";
    public static final String MENTION = "mention";

    // media-service → Topics.MEDIA_EVENTS
    public static final String MEDIA_UPLOADED = "media.uploaded";
    public static final String MEDIA_READY = "media.ready";
    public static final String MEDIA_FAILED = "media.failed";
    public static final String REEL_PUBLISHED = "reel.published";
    public static final String VIDEO_PUBLISHED = "video.published";
    public static final String MEDIA_DELETED = "media.deleted";

    // messaging-service → Topics.MESSAGING_EVENTS. Payload: {"recipients": [user ids], "data": {the socket frame's
    // data}}; the aggregate id is the conversation's, so one conversation's events stay in order.
    public static final String CONVERSATION_CREATED = "conversation.created";
    public static final String CONVERSATION_UPDATED = "conversation.updated";
    public static final String CONVERSATION_READ = "conversation.read";
    public static final String MEMBER_ADDED = "member.added";
    public static final String MEMBER_REMOVED = "member.removed";
    public static final String MESSAGE_CREATED = "message.created";
    public static final String MESSAGE_UPDATED = "message.updated";
    public static final String MESSAGE_DELETED = "message.deleted";
    public static final String REACTION_ADDED = "reaction.added";
    public static final String REACTION_REMOVED = "reaction.removed";
    // Calls (WebRTC signaling, docs/api-calls.md), same topic and envelope. call.started goes to the caller's
    // devices, call.ringing (with the offer) to the callees, call.answered and call.ended (with the outcome, the
    // caller and the callees) to every party, call.candidates to the other party only.
    public static final String CALL_STARTED = "call.started";
    public static final String CALL_RINGING = "call.ringing";
    public static final String CALL_ANSWERED = "call.answered";
    public static final String CALL_CANDIDATES = "call.candidates";
    public static final String CALL_ENDED = "call.ended";

    // messaging-service's notifications → Topics.MESSAGING_EVENTS, the same envelope addressed to the owner alone,
    // keyed by the owner (docs/api-notifications.md). data: the notification (deleted: its id).
    public static final String NOTIFICATION_CREATED = "notification.created";
    public static final String NOTIFICATION_UPDATED = "notification.updated";
    public static final String NOTIFICATION_DELETED = "notification.deleted";

    private EventTypes() {
    }
}
