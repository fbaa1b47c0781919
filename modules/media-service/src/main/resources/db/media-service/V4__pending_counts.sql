-- The pending-upload quota reads one row per owner instead of counting the owner's pending uploads on every
-- presign: that count grew with what the owner left pending and was the hottest part of creating an upload.
-- media_insert_pending, the only way a pending upload is created, adds to the number; the triggers take away for
-- every way an upload leaves 'pending' (complete, reject, sweep, delete), so no code path can forget it.

-- Writers of an older version still running during a rolling update wait, so the first count misses none of theirs.
LOCK TABLE media IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE media_pending_counts (
    owner_id text PRIMARY KEY,
    pending  integer NOT NULL CHECK (pending >= 0)
);

INSERT INTO media_pending_counts (owner_id, pending)
SELECT owner_id, count(*) FROM media WHERE status = 'pending' GROUP BY owner_id;

CREATE FUNCTION media_pending_counts_remove() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE media_pending_counts SET pending = pending - 1 WHERE owner_id = OLD.owner_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER media_pending_left AFTER UPDATE OF status ON media
    FOR EACH ROW WHEN (OLD.status = 'pending' AND NEW.status <> 'pending') EXECUTE FUNCTION media_pending_counts_remove();
CREATE TRIGGER media_pending_deleted AFTER DELETE ON media
    FOR EACH ROW WHEN (OLD.status = 'pending') EXECUTE FUNCTION media_pending_counts_remove();

-- The owner's count row is also the lock that queues one owner's creations, so the check and the insert cannot
-- race past the quota. The number also holds uploads whose time ran out but which the sweep has not removed yet,
-- while the quota is over live ones only: an owner at the limit pays for the exact count, which then decides. In
-- READ COMMITTED every statement of a volatile function takes a new snapshot, so that count, run once the lock is
-- held, sees each upload that a creation holding the lock before us committed.
CREATE OR REPLACE FUNCTION media_insert_pending(p_id uuid, p_owner text, p_purpose text, p_filename text,
                                                p_content_type text, p_size_bytes bigint, p_object_key text,
                                                p_pending_until timestamptz, p_max_pending integer)
    RETURNS boolean
    LANGUAGE plpgsql
    VOLATILE
    -- The count's LIMIT is a parameter: left to itself PostgreSQL would plan it anew on every call (see SqlLimit).
    SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
    UPDATE media_pending_counts SET pending = pending + 1 WHERE owner_id = p_owner AND pending < p_max_pending;
    IF NOT FOUND THEN
        INSERT INTO media_pending_counts (owner_id, pending) VALUES (p_owner, 0) ON CONFLICT (owner_id) DO NOTHING;
        PERFORM 1 FROM media_pending_counts WHERE owner_id = p_owner FOR UPDATE;
        IF (SELECT count(*) FROM (SELECT 1 FROM media
                                  WHERE owner_id = p_owner AND status = 'pending' AND pending_until > now()
                                  LIMIT p_max_pending) live) >= p_max_pending THEN
            RETURN false;
        END IF;
        UPDATE media_pending_counts SET pending = pending + 1 WHERE owner_id = p_owner;
    END IF;
    INSERT INTO media (id, owner_id, purpose, filename, content_type, size_bytes, object_key, status,
                       pending_until)
    VALUES (p_id, p_owner, p_purpose, p_filename, p_content_type, p_size_bytes, p_object_key, 'pending',
            p_pending_until);
    RETURN true;
END
$$;
