-- Likes, comments and bookmarks (content-service).

CREATE TABLE likes (
    post_id    uuid        NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    user_id    uuid        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (post_id, user_id)
);

-- Who liked a post, newest first.
CREATE INDEX likes_post_idx ON likes (post_id, created_at DESC, user_id DESC);

CREATE TABLE comments (
    id               uuid        PRIMARY KEY,
    post_id          uuid        NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    author_id        uuid        NOT NULL,
    text             text        NOT NULL CHECK (text <> '' AND char_length(text) <= 1000),
    reply_to_comment uuid        REFERENCES comments (id),
    created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    deleted_at       timestamptz
);

-- A post's comments, oldest first.
CREATE INDEX comments_post_idx ON comments (post_id, created_at, id) WHERE deleted_at IS NULL;

CREATE TABLE bookmarks (
    user_id    uuid        NOT NULL,
    post_id    uuid        NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (user_id, post_id)
);

-- My bookmarks, newest first.
CREATE INDEX bookmarks_user_idx ON bookmarks (user_id, created_at DESC, post_id DESC);
