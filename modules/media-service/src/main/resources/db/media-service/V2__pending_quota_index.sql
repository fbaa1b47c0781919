-- The pending-upload quota counts one owner's pending uploads whose time has not run out
-- (owner_id = ? AND pending_until > now()). With pending_until in the index that is a range scan over live
-- uploads only, instead of a visit to every pending row the owner has ever left behind.
CREATE INDEX media_owner_pending_until_idx ON media (owner_id, pending_until) WHERE status = 'pending';
DROP INDEX media_owner_pending_idx;
