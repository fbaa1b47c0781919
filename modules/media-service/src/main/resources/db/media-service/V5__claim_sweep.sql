-- The claim sweep (core.ClaimSweeper, docs/api-media.md#claims): when a claim was made, and whether its owner is
-- known to exist. Another service claims media before it writes the owner (a post); if it then fails to write it
-- and cannot give the claim back (its process died), only media-service can notice, by asking it later.
ALTER TABLE media
    ADD COLUMN claimed_at      timestamptz,
    -- true once the owner is known to exist: claims made inside media-service's own transactions (video:, reel:)
    -- from the start, other services' claims once their owner confirmed them. Confirmed claims are never asked
    -- about again.
    ADD COLUMN claim_confirmed boolean NOT NULL DEFAULT false;

-- Claims made before this version: videos and reels are media-service's own; the others are asked about once,
-- a grace period from now.
UPDATE media SET claimed_at = now(),
                 claim_confirmed = (claimed_by LIKE 'video:%' OR claimed_by LIKE 'reel:%')
WHERE claimed_by IS NOT NULL;

-- The sweep reads one owner kind's oldest unconfirmed claims ("post" of "post:<id>").
CREATE INDEX media_unconfirmed_claims_idx ON media (split_part(claimed_by, ':', 1), claimed_at)
    WHERE claimed_by IS NOT NULL AND NOT claim_confirmed;
