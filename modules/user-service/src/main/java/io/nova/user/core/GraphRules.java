package io.nova.user.core;

import io.nova.kernel.errors.DomainException;
import io.nova.user.db.GraphStore;

import java.util.UUID;

/**
 * What a follow or block may do, pure (the store answers the questions, these decide): nobody follows or blocks
 * themselves, a blocked pair cannot follow, and a private account approves its followers. Who may see what is {@link Audience}'s.
 */
public final class GraphRules {

    /** A change to the graph and how it is refused when aimed at oneself. */
    public enum Change {
        FOLLOW("cannot_follow_self", "You cannot follow yourself"),
        UNFOLLOW("cannot_follow_self", "You cannot unfollow yourself"),
        BLOCK("cannot_block_self", "You cannot block yourself"),
        UNBLOCK("cannot_block_self", "You cannot unblock yourself"),
        ANSWER("cannot_follow_self", "There is no follow request from yourself");

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
     * Whether following someone takes their approval: their account is private and the caller does not follow them
     * yet (a follower from before the account turned private stays one).
     */
    public static boolean needsApproval(GraphStore.Relation relation, boolean privateAccount) {
        return privateAccount && !relation.following();
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
}
