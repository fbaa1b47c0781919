-- Events a service has committed to publish, written in the same transaction as the change they describe.
-- The relay publishes rows in id order and marks them; published rows are pruned after a retention period.
CREATE TABLE nova_outbox (
    id            BIGSERIAL PRIMARY KEY,
    event_id      UUID        NOT NULL UNIQUE,
    topic         TEXT        NOT NULL,
    event_type    TEXT        NOT NULL,
    aggregate_id  TEXT        NOT NULL,
    payload       JSONB       NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at  TIMESTAMPTZ
);

CREATE INDEX nova_outbox_unpublished ON nova_outbox (id) WHERE published_at IS NULL;
