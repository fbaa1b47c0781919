package io.nova.media.db;

import io.nova.kernel.db.SqlLimit;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * SQL of the claim sweep: the claims of one owner kind ("post" of "post:&lt;id&gt;") whose owner is not confirmed
 * yet, and settling each one way or the other. Settling is conditional on the claimant still holding the media,
 * so replicas settling the same claim at once, or a claim released meanwhile, change nothing twice.
 */
public final class ClaimStore {

    /** Media held by {@code claimant}, "kind:ownerId". */
    public record Claim(UUID mediaId, String claimant) {

        public String ownerId() {
            return claimant.substring(claimant.indexOf(':') + 1);
        }
    }

    /** Up to {@code limit} unconfirmed claims of {@code kind} made more than {@code grace} ago, oldest first. */
    public List<Claim> unconfirmed(Handle handle, String kind, Duration grace, int limit) {
        return handle.createQuery("""
                        SELECT id, claimed_by FROM media
                        WHERE claimed_by IS NOT NULL AND NOT claim_confirmed
                          AND split_part(claimed_by, ':', 1) = :kind
                          AND claimed_at < now() - make_interval(secs => :grace)
                        ORDER BY claimed_at, id""" + SqlLimit.of(limit))
                .bind("kind", kind)
                .bind("grace", grace.toMillis() / 1000.0)
                .map((rs, ctx) -> new Claim(rs.getObject("id", UUID.class), rs.getString("claimed_by")))
                .list();
    }

    /** The owner exists: the claim is never asked about again. */
    public void confirm(Handle handle, Claim claim) {
        handle.createUpdate("""
                        UPDATE media SET claim_confirmed = true
                        WHERE id = :id AND claimed_by = :claimant""")
                .bind("id", claim.mediaId()).bind("claimant", claim.claimant()).execute();
    }

    /** The owner never will exist: the media is free again. True when this call released it. */
    public boolean release(Handle handle, Claim claim) {
        return handle.createUpdate("""
                        UPDATE media SET claimed_by = NULL, claimed_at = NULL, claim_confirmed = false
                        WHERE id = :id AND claimed_by = :claimant AND NOT claim_confirmed""")
                .bind("id", claim.mediaId()).bind("claimant", claim.claimant()).execute() == 1;
    }
}
