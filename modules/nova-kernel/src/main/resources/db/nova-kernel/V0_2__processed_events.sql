-- Event ids a consumer has already handled, so a redelivered event (Kafka is at-least-once) is skipped.
-- The row is written in the same transaction as the handler's own changes.
CREATE TABLE nova_processed_events (
    consumer      TEXT        NOT NULL,
    event_id      UUID        NOT NULL,
    processed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
