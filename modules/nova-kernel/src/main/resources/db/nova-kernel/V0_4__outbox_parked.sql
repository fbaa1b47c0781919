-- An event Kafka can never accept (too large, an invalid topic, one that cannot be encoded) is parked instead of
-- blocking every row behind it: the relay skips parked rows and says why it parked each. Parked rows are kept (not
-- pruned) for an operator to look at, fix and re-queue (UPDATE … SET parked_at = NULL).
ALTER TABLE nova_outbox
    ADD COLUMN parked_at     TIMESTAMPTZ,
    ADD COLUMN parked_reason TEXT;
