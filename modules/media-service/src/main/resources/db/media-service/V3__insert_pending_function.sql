-- Creating an upload is the presign hot path: one call here does in one round trip what took four (begin, lock,
-- count and insert, commit).
-- The advisory lock serializes one owner's creations, so the count and the insert cannot race past the quota. In
-- READ COMMITTED every statement of a volatile function takes a new snapshot, so the count, run after the lock is
-- granted, sees each upload that a creation holding the lock before us committed.
CREATE FUNCTION media_insert_pending(p_id uuid, p_owner text, p_purpose text, p_filename text,
                                     p_content_type text, p_size_bytes bigint, p_object_key text,
                                     p_pending_until timestamptz, p_max_pending integer)
    RETURNS boolean
    LANGUAGE plpgsql
    VOLATILE
    -- The count's LIMIT is a parameter: left to itself PostgreSQL would plan it anew on every call (see SqlLimit).
    SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('media-owner:' || p_owner, 7));
    IF (SELECT count(*) FROM (SELECT 1 FROM media
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
