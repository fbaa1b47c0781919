-- Posts, their mentions and hashtags (content-service). Users live in user-service: author ids are not foreign
-- keys here.

CREATE TABLE posts (
    id            uuid        PRIMARY KEY,
    author_id     uuid        NOT NULL,
    text          text        NOT NULL DEFAULT '',
    -- Claimed in media-service for this post before the row is written; in the order the author gave.
    media_ids     uuid[]      NOT NULL DEFAULT '{}',
    visibility    text        NOT NULL CHECK (visibility IN ('public', 'followers')),
    reply_to      uuid        REFERENCES posts (id),
    -- Kept in step with likes / comments in the transaction that inserts or removes one, and only when a row
    -- really changed: exact under repeated and concurrent requests, and a page costs no count(*).
    like_count    bigint      NOT NULL DEFAULT 0 CHECK (like_count >= 0),
    comment_count bigint      NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
    created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    edited_at     timestamptz,
    -- Soft delete: the row stays for replies pointing at it, but the post is gone everywhere.
    deleted_at    timestamptz,
    -- The application refuses these with a 400 first; this keeps the rule true whatever writes the table.
    CHECK (text <> '' OR cardinality(media_ids) > 0),
    CHECK (char_length(text) <= 2200),
    CHECK (cardinality(media_ids) <= 10)
);

-- An author's timeline, newest first, keyset-paged by (created_at, id); also feed backfill since a time.
CREATE INDEX posts_author_timeline_idx ON posts (author_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;

CREATE TABLE post_mentions (
    post_id  uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    user_id  uuid NOT NULL,
    username text NOT NULL,
    PRIMARY KEY (post_id, user_id)
);

CREATE INDEX post_mentions_user_idx ON post_mentions (user_id);

CREATE TABLE post_hashtags (
    post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    -- Lower-cased, without the '#'.
    tag     text NOT NULL,
    PRIMARY KEY (post_id, tag)
);

CREATE INDEX post_hashtags_tag_idx ON post_hashtags (tag);
