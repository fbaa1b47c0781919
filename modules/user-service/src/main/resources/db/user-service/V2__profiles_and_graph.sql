-- Profiles and the social graph (user-service).

ALTER TABLE users
    ADD COLUMN display_name    text        NOT NULL DEFAULT '',
    ADD COLUMN bio             text        NOT NULL DEFAULT '',
    ADD COLUMN avatar_media_id uuid,
    ADD COLUMN private_account boolean     NOT NULL DEFAULT false,
    ADD COLUMN updated_at      timestamptz NOT NULL DEFAULT now(),
    -- Kept in step with `follows` in the transaction that inserts or deletes an edge, and only when a row really
    -- changed: exact after any sequence of repeated or concurrent requests, and a profile read costs no count(*).
    ADD COLUMN followers_count bigint      NOT NULL DEFAULT 0 CHECK (followers_count >= 0),
    ADD COLUMN following_count bigint      NOT NULL DEFAULT 0 CHECK (following_count >= 0);

-- Prefix search on username and display name: lower(x) LIKE 'prefix%' uses these (pattern ops work in any collation).
CREATE INDEX users_username_prefix_idx ON users (lower(username) text_pattern_ops);
CREATE INDEX users_display_name_prefix_idx ON users (lower(display_name) text_pattern_ops);

CREATE TABLE follows (
    follower_id uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    followee_id uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (follower_id, followee_id),
    CHECK (follower_id <> followee_id)
);

-- "Followers of X, newest first" and "whom X follows, newest first", both keyset-paged by (created_at, other id).
CREATE INDEX follows_followers_idx ON follows (followee_id, created_at DESC, follower_id DESC);
CREATE INDEX follows_following_idx ON follows (follower_id, created_at DESC, followee_id DESC);

CREATE TABLE blocks (
    blocker_id uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    blocked_id uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (blocker_id, blocked_id),
    CHECK (blocker_id <> blocked_id)
);

CREATE INDEX blocks_blocked_idx ON blocks (blocked_id);

-- The pruning job deletes expired refresh tokens by this.
CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at);
