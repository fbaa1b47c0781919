-- Notifications (docs/api-notifications.md). One row per entry a user sees. Grouped kinds (like, follow) gather
-- several actors under one group key within a time window; every contribution is its own row in
-- notification_actors, so an undo (unlike, unfollow) removes exactly what it added and the count stays exact.
CREATE TABLE notifications (
    id         uuid        PRIMARY KEY,
    owner_id   uuid        NOT NULL,
    kind       text        NOT NULL,
    -- What the entry is about, by kind: the post (like, mention), the comment, the message, the call; '' for
    -- follows. An undo finds its entry by (owner, kind, subject).
    subject    text        NOT NULL,
    -- kind:subject, plus the window's number for grouped kinds: the upsert's conflict target.
    group_key  text        NOT NULL,
    -- Ids a client needs to open it (post_id, comment_id, conversation_id, message_id, call_id).
    target     jsonb       NOT NULL,
    count      integer     NOT NULL CHECK (count >= 0),
    created_at timestamptz NOT NULL,
    -- When the entry last grew (this database's clock): the order of the list and what "unread" compares.
    latest_at  timestamptz NOT NULL,
    CONSTRAINT notifications_group_unique UNIQUE (owner_id, group_key)
);

-- The list, newest first, and the unread count.
CREATE INDEX notifications_by_owner ON notifications (owner_id, latest_at DESC, id DESC);
-- An undo: the entries of one kind and subject.
CREATE INDEX notifications_by_subject ON notifications (kind, subject);

CREATE TABLE notification_actors (
    notification_id uuid        NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
    actor_id        uuid        NOT NULL,
    acted_at        timestamptz NOT NULL,
    PRIMARY KEY (notification_id, actor_id)
);

-- A block removes what the blocked user contributed.
CREATE INDEX notification_actors_by_actor ON notification_actors (actor_id);

-- Each user's read marker: everything whose latest_at is at or before it is read. It only moves forward.
CREATE TABLE notification_markers (
    owner_id   uuid        PRIMARY KEY,
    read_up_to timestamptz NOT NULL
);
