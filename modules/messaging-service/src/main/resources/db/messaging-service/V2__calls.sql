-- Calls: WebRTC signaling only (docs/api-calls.md). The media flows between the clients (or through TURN); the
-- service keeps who called whom, the call's state, and the session descriptions only while the call is live.

CREATE TABLE calls (
    id             uuid        PRIMARY KEY,
    conversation_id uuid       NOT NULL REFERENCES conversations (id),
    caller_id      uuid        NOT NULL,
    -- The conversation's other members when the call started: the ones it rang. Members who join later are not
    -- parties to it.
    callee_ids     uuid[]      NOT NULL CHECK (cardinality(callee_ids) BETWEEN 1 AND 255),
    -- Callees of a group call who rejected it; the call ends as rejected once every callee has.
    declined_by    uuid[]      NOT NULL DEFAULT '{}',
    kind           text        NOT NULL CHECK (kind IN ('audio', 'video')),
    state          text        NOT NULL CHECK (state IN ('ringing', 'answered', 'ended')),
    -- The offer and the answer, only while the call is live (they name the clients' addresses): cleared when it
    -- ends. The service limits them to 64 KiB; the check is a backstop.
    offer_sdp      text        CHECK (octet_length(offer_sdp) <= 65536),
    answer_sdp     text        CHECK (octet_length(answer_sdp) <= 65536),
    started_at     timestamptz NOT NULL,
    -- When an unanswered call becomes missed: started_at + the ring timeout in force when it started. Any
    -- replica's sweep ends it (calls_ringing_due_idx), so it holds across replicas and restarts.
    ring_deadline  timestamptz NOT NULL,
    answered_by    uuid,
    answered_at    timestamptz,
    ended_at       timestamptz,
    end_reason     text        CHECK (end_reason IN ('missed', 'rejected', 'cancelled', 'hung_up')),
    ended_by       uuid,
    CHECK ((answered_by IS NULL) = (answered_at IS NULL)),
    CHECK (state <> 'answered' OR answered_by IS NOT NULL),
    CHECK ((state = 'ended') = (ended_at IS NOT NULL)),
    CHECK ((state = 'ended') = (end_reason IS NOT NULL)),
    CHECK (state <> 'ended' OR (offer_sdp IS NULL AND answer_sdp IS NULL))
);

-- One live call per conversation, under any concurrency: of two starts at the same moment, on any replicas, the
-- second insert waits for the first to commit and then conflicts (the glare rule in docs/api-calls.md).
CREATE UNIQUE INDEX calls_one_live_idx ON calls (conversation_id) WHERE state <> 'ended';

-- The ring-timeout sweep: ringing calls by deadline.
CREATE INDEX calls_ringing_due_idx ON calls (ring_deadline) WHERE state = 'ringing';

-- Each party of a call (the caller and every callee), for one's call history, newest first.
CREATE TABLE call_parties (
    call_id    uuid        NOT NULL REFERENCES calls (id),
    user_id    uuid        NOT NULL,
    started_at timestamptz NOT NULL,
    PRIMARY KEY (call_id, user_id)
);

CREATE INDEX call_parties_history_idx ON call_parties (user_id, started_at DESC, call_id DESC);
