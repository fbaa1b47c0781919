package io.nova.media.core;

import io.nova.media.db.MediaRow;
import io.nova.media.db.MediaStore;
import io.nova.media.db.RenditionRow;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Media for other services: looking items up to show them in posts, profiles and messages, and claiming them for
 * one use (a post, a message) so they are not deleted while used, or releasing them. {@link ClaimRules} decides;
 * this runs the decisions in their transactions. {@code callerId} is the user a call is made on behalf of, empty
 * for a trusted service call.
 */
public final class MediaClaims {

    private final Jdbi jdbi;
    private final MediaStore store;
    private final MediaViews views;

    public MediaClaims(Jdbi jdbi, MediaStore store, MediaViews views) {
        this.jdbi = jdbi;
        this.store = store;
        this.views = views;
    }

    /** The items among {@code ids} that exist, in no particular order; malformed ids are skipped. */
    public List<SharedMedia> find(List<String> ids) {
        Set<UUID> wanted = ClaimRules.ids(ids, false);
        return jdbi.withHandle(handle -> describe(handle, store.findAll(handle, wanted)));
    }

    /**
     * Claims every item for {@code claimant}, or none: the first refusal rolls the whole claim back. Each row is
     * locked before it is checked, so two claimants racing for one item cannot both win.
     */
    public List<SharedMedia> claim(Optional<String> callerId, String ownerId, List<String> ids, String claimant) {
        ClaimRules.checkClaimRequest(ownerId, claimant);
        ClaimRules.checkCaller(callerId, ownerId);
        Set<UUID> wanted = ClaimRules.ids(ids, true);
        return jdbi.inTransaction(handle -> {
            List<MediaRow> claimed = new ArrayList<>(wanted.size());
            for (UUID id : wanted) {
                Optional<MediaRow> media = store.lock(handle, id);
                ClaimRules.checkClaim(id, media, ownerId, claimant);
                // Under the row lock the rules saw the current claimant; the SQL guards the same condition.
                // Another service writes the owner after this: the claim sweep confirms it (ClaimSweeper).
                if (!store.claim(handle, id, claimant, false)) {
                    throw ClaimRules.inUse(id, media.get().claimedBy());
                }
                claimed.add(store.find(handle, id).orElseThrow());
            }
            return describe(handle, claimed);
        });
    }

    /** Releases what {@code claimant} holds among {@code ids}; returns the ids it released. */
    public List<UUID> release(Optional<String> callerId, List<String> ids, String claimant) {
        ClaimRules.checkReleaseRequest(claimant);
        Set<UUID> wanted = ClaimRules.ids(ids, false);
        return jdbi.inTransaction(handle -> {
            if (callerId.isPresent()) {
                ClaimRules.checkRelease(callerId, store.findAll(handle, wanted));
            }
            return store.release(handle, wanted, claimant);
        });
    }

    private List<SharedMedia> describe(Handle handle, List<MediaRow> rows) {
        Map<UUID, List<RenditionRow>> renditions = store.renditions(handle, rows.stream().map(MediaRow::id).toList());
        return rows.stream()
                .map(row -> new SharedMedia(views.view(row, renditions.getOrDefault(row.id(), List.of())),
                        row.ownerId(), row.claimedBy()))
                .toList();
    }
}
