-- Follow requests (docs/api-users.md, "Private accounts"): following a private account asks first. A request is
-- pending while its row exists; approving it turns it into a `follows` edge in the same transaction, declining,
-- withdrawing or a block between the two deletes it.
CREATE TABLE follow_requests (
    requester_id uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    target_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (requester_id, target_id),
    CHECK (requester_id <> target_id)
);

-- "Requests waiting for me, newest first", keyset-paged by (created_at, requester id) like the follow lists.
CREATE INDEX follow_requests_incoming_idx ON follow_requests (target_id, created_at DESC, requester_id DESC);
