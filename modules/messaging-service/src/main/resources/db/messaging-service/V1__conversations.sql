-- Conversations, their members, messages, reactions and read positions (messaging-service). Users live in
-- user-service and media in media-service: their ids are not foreign keys here.

CREATE TABLE conversations (
    id               uuid        PRIMARY KEY,
    kind             text        NOT NULL CHECK (kind IN ('direct', 'group')),
    -- Groups only; null: unnamed (clients show the members).
    name             text        CHECK (name IS NULL OR char_length(name) BETWEEN 1 AND 100),
    -- A direct conversation's two users, lower id first (PostgreSQL's uuid order): the unique constraint below
    -- makes "one direct conversation per pair" true under any concurrency — a second create waits for the first
    -- to commit and then finds its row.
    direct_low       uuid,
    direct_high      uuid,
    created_by       uuid        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    -- The seq of the newest message: the next one gets last_seq + 1, taken under this row's lock in the
    -- transaction that inserts the message, so seqs have no gap and no repeat (a rollback gives its number back).
    last_seq         bigint      NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
    -- Creation, then each new message: the order of GET /conversations.
    last_activity_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    -- Current members; the group limit holds here too, whatever writes the table.
    member_count     integer     NOT NULL DEFAULT 0 CHECK (member_count BETWEEN 0 AND 256),
    CHECK ((kind = 'direct') = (direct_low IS NOT NULL AND direct_high IS NOT NULL)),
    CHECK (kind = 'group' OR name IS NULL),
    CHECK (direct_low < direct_high),
    UNIQUE (direct_low, direct_high)
);

CREATE TABLE members (
    conversation_id uuid        NOT NULL REFERENCES conversations (id),
    user_id         uuid        NOT NULL,
    role            text        NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
    joined_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    -- Everything up to this seq counts as read; only ever raised (GREATEST in the update).
    read_seq        bigint      NOT NULL DEFAULT 0 CHECK (read_seq >= 0),
    -- Null while a member. A member who left or was removed keeps the row: left_seq is the newest message they
    -- may still read (the conversation's last_seq when they went), and they can do nothing else.
    left_seq        bigint,
    left_at         timestamptz,
    PRIMARY KEY (conversation_id, user_id),
    CHECK ((left_seq IS NULL) = (left_at IS NULL))
);

-- My conversations (GET /conversations).
CREATE INDEX members_user_idx ON members (user_id) WHERE left_seq IS NULL;

CREATE TABLE messages (
    id              uuid        PRIMARY KEY,
    conversation_id uuid        NOT NULL REFERENCES conversations (id),
    seq             bigint      NOT NULL CHECK (seq > 0),
    sender_id       uuid        NOT NULL,
    -- Null once deleted: a tombstone keeps its seq, sender and times, never its text or media.
    text            text        CHECK (char_length(text) <= 4000),
    -- Claimed in media-service for this message (claimant message:<id>) before the row is written.
    media_ids       uuid[]      NOT NULL DEFAULT '{}' CHECK (cardinality(media_ids) <= 10),
    reply_to        uuid        REFERENCES messages (id),
    created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    edited_at       timestamptz,
    deleted_at      timestamptz,
    CHECK ((deleted_at IS NULL) = (text IS NOT NULL)),
    CHECK (deleted_at IS NULL OR cardinality(media_ids) = 0),
    -- No repeat, whatever writes the table; paging by seq both ways and unread counts use it as their index.
    UNIQUE (conversation_id, seq)
);

CREATE TABLE reactions (
    message_id uuid        NOT NULL REFERENCES messages (id),
    user_id    uuid        NOT NULL,
    -- One emoji grapheme, validated and normalised by the service (core.Emoji).
    emoji      text        NOT NULL CHECK (char_length(emoji) BETWEEN 1 AND 16),
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (message_id, emoji, user_id)
);

-- Media to give back to media-service: written in the transaction that deletes a message (or after a send whose
-- row could not be written), removed once media-service confirmed. What a crash or an outage leaves here is
-- retried in the background (core.MediaReleases).
CREATE TABLE media_releases (
    claimant   text        PRIMARY KEY,
    media_ids  uuid[]      NOT NULL,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
