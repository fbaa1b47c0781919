package io.nova.content.core;

import java.util.UUID;

/**
 * Who sees what, as pure rules over what user-service says (the relation, whether the account is private); asking
 * for those is {@link PostGate}'s job. The author always sees their own; nobody sees anything of someone who blocks
 * them or whom they block; followers-only posts, and every post of a private account, are for followers.
 */
public final class Audience {

    /** What of an author's timeline a viewer gets. */
    public enum Timeline {
        /** Blocked either way: the author is as good as unknown (404). */
        HIDDEN,
        /** A private account the viewer does not follow: refused outright (403), the account's existence is public. */
        PRIVATE,
        /** Public posts only: the viewer does not follow the author. */
        PUBLIC_ONLY,
        /** Followers-only posts too: the author themselves, or a follower. */
        EVERYTHING
    }

    private Audience() {
    }

    /** Whether {@code viewer} sees a post of {@code author}'s with this visibility. */
    public static boolean sees(UUID viewer, UUID author, Visibility visibility, boolean privateAccount,
                               Relation relation) {
        if (viewer.equals(author)) {
            return true;
        }
        if (relation.blockedEitherWay()) {
            return false;
        }
        return (visibility == Visibility.PUBLIC && !privateAccount) || relation.following();
    }

    /** What of {@code author}'s timeline {@code viewer} gets. */
    public static Timeline timeline(UUID viewer, UUID author, boolean privateAccount, Relation relation) {
        if (viewer.equals(author)) {
            return Timeline.EVERYTHING;
        }
        if (relation.blockedEitherWay()) {
            return Timeline.HIDDEN;
        }
        if (relation.following()) {
            return Timeline.EVERYTHING;
        }
        return privateAccount ? Timeline.PRIVATE : Timeline.PUBLIC_ONLY;
    }

    /**
     * Whether {@code viewer} sees a comment by {@code commenter} under a post they can see: not when either blocks
     * the other, whoever wrote the post.
     */
    public static boolean seesComment(UUID viewer, UUID commenter, Relation relation) {
        return viewer.equals(commenter) || !relation.blockedEitherWay();
    }

    /**
     * Whether naming {@code user} in {@code author}'s post mentions them (links them and tells them): not the
     * author themselves, and nobody who blocks the author or whom the author blocks.
     */
    public static boolean mentions(UUID author, UUID user, Relation relation) {
        return !author.equals(user) && !relation.blockedEitherWay();
    }
}
