package io.nova.media.core;

import io.nova.media.db.ClaimStore;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Releases media claimed for an owner that never came to exist. Another service claims media before it writes the
 * owner (content-service: media for a post, then the post); when that write fails it gives the claim back itself,
 * but if its process dies in between, or the give-back fails, the claim would hold the media forever. So claims
 * of the kinds some {@link ClaimOwners} answers for, older than the grace period and not yet confirmed, are asked
 * about: confirmed ones are marked and never asked about again, the others are released.
 *
 * <p>Asking over gRPC rather than waiting for an event: an event says that an owner was written, never that one
 * will not be, so only a question answered finally — the owner service records the ids it denied so they can no
 * longer be written — lets a claim be released without ever releasing one whose owner exists. The grace period
 * only spares creates still in flight a needless 503.
 *
 * <p>Several replicas may sweep at once: they may ask about the same claims (the answers agree, being final), and
 * every release or confirmation is conditional on the claimant still holding the media, so nothing is settled
 * twice and a claim released and made anew meanwhile is not touched. No lock is held while the owner is asked.
 */
public final class ClaimSweeper implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimSweeper.class);
    static final int BATCH = 100;
    /** Batches per kind and run: a run ends even if owners keep being unreachable half-way. */
    static final int MAX_BATCHES = 50;

    private final Jdbi jdbi;
    private final ClaimStore store;
    private final List<ClaimOwners> owners;
    private final Duration grace;

    public ClaimSweeper(Jdbi jdbi, ClaimStore store, List<ClaimOwners> owners, Duration grace) {
        this.jdbi = jdbi;
        this.store = store;
        this.owners = List.copyOf(owners);
        this.grace = grace;
    }

    /**
     * One pass over every kind; returns how many claims it released. Each kind on its own: one owner service
     * away does not keep the others' claims from being settled.
     */
    public int sweep() {
        int released = 0;
        for (ClaimOwners owner : owners) {
            try {
                released += sweep(owner);
            } catch (RuntimeException e) {
                // Its owner service or the database away: the next run asks again.
                LOG.warn("Sweeping the {} claims failed; retrying at the next interval: {}", owner.kind(),
                        e.toString());
            }
        }
        return released;
    }

    private int sweep(ClaimOwners owner) {
        int released = 0;
        for (int batches = 0; batches < MAX_BATCHES; batches++) {
            List<ClaimStore.Claim> claims = jdbi.withHandle(handle ->
                    store.unconfirmed(handle, owner.kind(), grace, BATCH));
            if (claims.isEmpty()) {
                break;
            }
            Set<String> existing = owner.existing(claims.stream().map(ClaimStore.Claim::ownerId).distinct()
                    .toList());
            released += jdbi.inTransaction(handle -> {
                int count = 0;
                for (ClaimStore.Claim claim : claims) {
                    if (existing.contains(claim.ownerId())) {
                        store.confirm(handle, claim);
                    } else if (store.release(handle, claim)) {
                        count++;
                    }
                }
                return count;
            });
            if (claims.size() < BATCH) {
                break;
            }
        }
        return released;
    }

    @Override
    public void run() {
        try {
            int released = sweep();
            if (released > 0) {
                LOG.info("Released {} media claims whose owner never came to exist", released);
            }
        } catch (RuntimeException e) {
            // An owner service away, or the database: the next run asks again. A scheduled task that throws is
            // never run again, so nothing may escape.
            LOG.warn("Sweeping media claims failed; retrying at the next interval", e);
        }
    }
}
