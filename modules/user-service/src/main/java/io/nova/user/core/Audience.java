package io.nova.user.core;

import io.nova.kernel.errors.DomainException;
import io.nova.user.db.GraphStore;

import java.util.UUID;

/**
 * Who may see a user's profile and their follower and following lists. Pure: the stores answer the facts (does the
 * owner block the viewer, does the viewer follow them), these decide. Search leaves out blocked pairs (either way)
 * in its SQL instead, since filtering after the LIMIT would break its pages.
 */
public final class Audience {

    private Audience() {
    }

    /**
     * A profile is seen by everyone signed in — a private account's too, so people can ask to follow it — except by
     * those its owner blocks: to them it does not exist. Nobody is hidden from themselves.
     */
    public static boolean maySeeProfile(UUID viewer, UUID owner, boolean ownerBlocksViewer) {
        return viewer.equals(owner) || !ownerBlocksViewer;
    }

    /**
     * Whether {@code viewer} may see whom {@code owner} follows and who follows them: their own always; someone
     * who blocks the viewer does not exist for them (404, as {@code asked}); a private account's only to its
     * followers (403). {@code relation} is the viewer's to the owner (ignored for one's own lists).
     */
    public static void requireMaySeeLists(UUID viewer, UUID owner, boolean privateAccount,
                                          GraphStore.Relation relation, String asked) {
        if (viewer.equals(owner)) {
            return;
        }
        if (relation.blockedBy()) {
            throw DomainException.notFound("User", asked);
        }
        if (privateAccount && !relation.following()) {
            throw DomainException.forbidden("This account is private: only its followers see whom it "
                    + "follows and who follows it");
        }
    }
}
