-- Discovery (docs/api-discovery.md): what user-service learns from content-service's events, kept here so that a
-- Redis loss loses nothing. Written by the `discovery` consumer only; every write is idempotent by an event id or
-- by the natural key of what the event describes, so replaying the topic leaves every row as it was.

-- Posts as their events describe them. A deleted post keeps its row (deleted = true): a replayed post.created
-- finds it and cannot bring the post back. changed_at is the time of the last post.created/updated applied, so an
-- older post.updated replayed after a newer one changes nothing.
CREATE TABLE discovery_posts (
    post_id    uuid        PRIMARY KEY,
    author_id  uuid        NOT NULL,
    visibility text        NOT NULL,
    created_at timestamptz NOT NULL,
    changed_at timestamptz NOT NULL,
    deleted    boolean     NOT NULL DEFAULT false
);

-- The hashtags of live posts (post.created, replaced by post.updated, removed by post.deleted); created_at is the
-- post's, so "tags of the last 24 hours" is one index range.
CREATE TABLE discovery_post_tags (
    post_id    uuid        NOT NULL REFERENCES discovery_posts (post_id) ON DELETE CASCADE,
    tag        text        NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (post_id, tag)
);

CREATE INDEX discovery_post_tags_recent_idx ON discovery_post_tags (created_at, tag);

-- One row per like or comment that counts towards a post's trending score, keyed by the event that added it.
-- An unlike or a deleted comment does not delete the row but sets removed_at: the score "as of" a moment is then
-- fixed forever, which is what keeps the pages of GET /discover/posts stable (each cursor carries its moment).
-- source_id: for a like the user who liked, for a comment the comment's id.
CREATE TABLE discovery_engagements (
    event_id   uuid        PRIMARY KEY,
    post_id    uuid        NOT NULL,
    kind       text        NOT NULL CHECK (kind IN ('like', 'comment')),
    source_id  uuid        NOT NULL,
    at         timestamptz NOT NULL,
    removed_at timestamptz
);

-- The trending query reads the engagements of a recent window; unlike / comment.deleted find the live row.
CREATE INDEX discovery_engagements_recent_idx ON discovery_engagements (at, post_id);
CREATE INDEX discovery_engagements_source_idx ON discovery_engagements (post_id, kind, source_id)
    WHERE removed_at IS NULL;

-- Who to follow for people who follow nobody yet: the most-followed public accounts, keyset-paged.
CREATE INDEX users_discoverable_idx ON users (followers_count DESC, id DESC) WHERE NOT private_account;
