-- Wakes the outbox relay when a transaction that wrote outbox rows commits, instead of leaving them for its next
-- poll: NOTIFY is delivered at commit (never on rollback), so a wake-up always finds its rows visible. One
-- notification per statement; PostgreSQL folds identical ones within a transaction into one.
CREATE FUNCTION nova_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('nova_outbox', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER nova_outbox_written AFTER INSERT ON nova_outbox
    FOR EACH STATEMENT EXECUTE FUNCTION nova_outbox_notify();
