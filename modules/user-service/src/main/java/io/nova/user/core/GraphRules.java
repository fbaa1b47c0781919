package io.nova.user.core;

import io.nova.kernel.errors.DomainException;
import io.nova.user.db.GraphStore;

import java.util.UUID;

/**
 * The social graph's rules, pure (the store answers the questions, these decide): nobody follows or blocks
 * themselves, a blocked pair cannot follow, and who may see a user's follower and following lists.
 */
public final class GraphRules {

    /** A change to the graph and how it is refused when aimed at oneself. */
    public enum Change {
        FOLLOW("cannot_follow_self", "You cannot follow yourself"),
        UNFOLLOW("cannot_follow_self", "You cannot unfollow yourself"),
        BLOCK("cannot_block_self", "You cannot block yourself"),
        UNBLOCK("cannot_block_self", "You cannot unblock yourself");

        private final String selfCode;
        private final String selfMessage;

        Change(String selfCode, String selfMessage) {
            this.selfCode = selfCode;
            this.selfMessage = selfMessage;
        }
    }

    private GraphRules() {
    }

    /** Every change is between two different users. */
    public static void requireOther(UUID caller, UUID target, Change change) {
        if (caller.equals(target)) {
            throw DomainException.unprocessable(change.selfCode, change.selfMessage);
        }
    }

    /**
     * Whether the caller may follow someone, given their relation (from the caller's side): not while the caller
     * blocks them (the caller can undo that), nor while they block the caller.
     */
    public static void requireMayFollow(GraphStore.Relation relation) {
        if (relation.blocking()) {
            throw DomainException.unprocessable("blocking_user", "You block this user; unblock them to follow");
        }
        if (relation.blockedBy()) {
            throw DomainException.forbidden("This user does not accept you as a follower");
        }
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
