-- The pending-upload quota read one row per owner instead of counting the owner's pending uploads on every
-- presign: a count that grows with what the owner left pending, and the hottest part of creating an upload.
-- The triggers keep the number exact for every way a row enters or leaves 'pending' (create, complete, fail,
-- sweep, delete), so no code path can forget it.
-- Writers of an older version still running during a rolling update wait, so the first count misses none of theirs.
LOCK TABLE media IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE media_pending_counts (
    owner_id text PRIMARY KEY,
    pending  integer NOT NULL CHECK (pending >= 0)
);

INSERT INTO media_pending_counts (owner_id, pending)
SELECT owner_id, count(*) FROM media WHERE status = 'pending' GROUP BY owner_id;

CREATE FUNCTION media_pending_counts_add() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO media_pending_counts AS c (owner_id, pending) VALUES (NEW.owner_id, 1)
    ON CONFLICT (owner_id) DO UPDATE SET pending = c.pending + 1;
    RETURN NULL;
END
$$;

CREATE FUNCTION media_pending_counts_remove() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE media_pending_counts SET pending = pending - 1 WHERE owner_id = OLD.owner_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER media_pending_inserted AFTER INSERT ON media
    FOR EACH ROW WHEN (NEW.status = 'pending') EXECUTE FUNCTION media_pending_counts_add();
CREATE TRIGGER media_pending_left AFTER UPDATE OF status ON media
    FOR EACH ROW WHEN (OLD.status = 'pending' AND NEW.status <> 'pending') EXECUTE FUNCTION media_pending_counts_remove();
CREATE TRIGGER media_pending_deleted AFTER DELETE ON media
    FOR EACH ROW WHEN (OLD.status = 'pending') EXECUTE FUNCTION media_pending_counts_remove();

-- The counter also holds uploads whose time ran out but which the sweep has not removed yet; the quota is over
-- live ones only. So only an owner at the limit pays for the exact count, which then decides.
CREATE OR REPLACE FUNCTION media_insert_pending(p_id uuid, p_owner text, p_purpose text, p_filename text,
                                                p_content_type text, p_size_bytes bigint, p_object_key text,
                                                p_pending_until timestamptz, p_max_pending integer)
    RETURNS boolean
    LANGUAGE plpgsql
    VOLATILE
    SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('media-owner:' || p_owner, 7));
    IF coalesce((SELECT pending FROM media_pending_counts WHERE owner_id = p_owner), 0) >= p_max_pending
       AND (SELECT count(*) FROM (SELECT 1 FROM media
                                  WHERE owner_id = p_owner AND status = 'pending' AND pending_until > now()
                                  LIMIT p_max_pending) pending) >= p_max_pending THEN
        RETURN false;
    END IF;
    INSERT INTO media (id, owner_id, purpose, filename, content_type, size_bytes, object_key, status,
                       pending_until)
    VALUES (p_id, p_owner, p_purpose, p_filename, p_content_type, p_size_bytes, p_object_key, 'pending',
            p_pending_until);
    RETURN true;
END
$$;
