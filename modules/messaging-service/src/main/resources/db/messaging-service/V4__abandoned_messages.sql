-- Message ids media-service's claim sweep was told will never be messages (MessagingService.ConfirmMessages):
-- media was claimed for them, but no message was written (the send failed after the claim, or its process died).
-- A send still running for such an id fails instead of writing a message whose media was given back, so the
-- answer "no such message" is final. Written and read under the id's advisory lock (kernel SettledIds); only
-- failed sends leave rows, so the table stays small and is never pruned.
CREATE TABLE abandoned_messages (
    id           uuid        PRIMARY KEY,
    abandoned_at timestamptz NOT NULL DEFAULT now()
);
