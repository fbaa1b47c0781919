-- Media items (uploads), their renditions, and the videos and reels made from them (media-service).
-- Kernel tables (nova_outbox, nova_processed_events) are V0.x.

-- One row per presigned upload. The object key is chosen by the server; the declared type and size are what the
-- presigned URL signed and what completion verifies. Status: pending (URL handed out, nothing verified) →
-- processing (verified, renditions being made) → ready | failed.
CREATE TABLE media (
    id                uuid        PRIMARY KEY,
    owner_id          text        NOT NULL,
    purpose           text        NOT NULL CHECK (purpose IN ('image', 'video', 'reel')),
    filename          text        NOT NULL,
    content_type      text        NOT NULL,
    size_bytes        bigint      NOT NULL CHECK (size_bytes > 0),
    object_key        text        NOT NULL UNIQUE,
    status            text        NOT NULL CHECK (status IN ('pending', 'processing', 'ready', 'failed')),
    failure_reason    text,
    -- Of the original; NULL while unknown (videos without ffmpeg never learn them).
    width             integer,
    height            integer,
    duration_ms       bigint,
    -- What processing could not do and why, e.g. no ffmpeg configured: shown to clients as is.
    processing_note   text,
    -- Who uses it ("video:<id>", "reel:<id>", "post:<id>"): a media item backs one thing only.
    claimed_by        text,
    -- A pending upload not completed by then is swept (object and row).
    pending_until     timestamptz NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    completed_at      timestamptz,
    processed_at      timestamptz
);

CREATE INDEX media_pending_idx ON media (pending_until) WHERE status = 'pending';
CREATE INDEX media_owner_pending_idx ON media (owner_id) WHERE status = 'pending';

-- Files made from the original (the original itself is media.object_key). Only renditions that exist are here.
CREATE TABLE media_renditions (
    media_id      uuid    NOT NULL REFERENCES media (id) ON DELETE CASCADE,
    name          text    NOT NULL,
    object_key    text    NOT NULL UNIQUE,
    content_type  text    NOT NULL,
    width         integer,
    height        integer,
    size_bytes    bigint  NOT NULL,
    PRIMARY KEY (media_id, name)
);

CREATE TABLE videos (
    id           uuid        PRIMARY KEY,
    media_id     uuid        NOT NULL UNIQUE REFERENCES media (id),
    creator_id   text        NOT NULL,
    title        text        NOT NULL,
    description  text        NOT NULL DEFAULT '',
    -- public: listed and visible to all; unlisted: visible by id, not listed; private: the creator only.
    visibility   text        NOT NULL CHECK (visibility IN ('public', 'unlisted', 'private')),
    -- Set once video.published is sent: when the video exists and its media is ready.
    published_at timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX videos_creator_idx ON videos (creator_id, created_at DESC, id DESC);

CREATE TABLE reels (
    id           uuid        PRIMARY KEY,
    media_id     uuid        NOT NULL UNIQUE REFERENCES media (id),
    creator_id   text        NOT NULL,
    caption      text        NOT NULL DEFAULT '',
    audio        text,
    published_at timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now()
);

-- The reels feed: published reels, newest first.
CREATE INDEX reels_feed_idx ON reels (published_at DESC, id DESC) WHERE published_at IS NOT NULL;
