package io.nova.user.core;

import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.ErrorKind;
import io.nova.user.db.GraphStore.Relation;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphRulesTest {

    private static final UUID ME = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

    private static Relation relation(boolean following, boolean followedBy, boolean blocking, boolean blockedBy) {
        return new Relation(OTHER, following, followedBy, blocking, blockedBy);
    }

    private static void assertRefused(Runnable rule, ErrorKind kind, String code, String message) {
        assertThatThrownBy(rule::run).isInstanceOfSatisfying(DomainException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.kind()).isEqualTo(kind);
            org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(code);
            org.assertj.core.api.Assertions.assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void nobodyFollowsOrBlocksThemselves() {
        assertRefused(() -> GraphRules.requireOther(ME, ME, GraphRules.Change.FOLLOW),
                ErrorKind.UNPROCESSABLE, "cannot_follow_self", "You cannot follow yourself");
        assertRefused(() -> GraphRules.requireOther(ME, ME, GraphRules.Change.UNFOLLOW),
                ErrorKind.UNPROCESSABLE, "cannot_follow_self", "You cannot unfollow yourself");
        assertRefused(() -> GraphRules.requireOther(ME, ME, GraphRules.Change.BLOCK),
                ErrorKind.UNPROCESSABLE, "cannot_block_self", "You cannot block yourself");
        assertRefused(() -> GraphRules.requireOther(ME, ME, GraphRules.Change.UNBLOCK),
                ErrorKind.UNPROCESSABLE, "cannot_block_self", "You cannot unblock yourself");
        assertRefused(() -> GraphRules.requireOther(ME, ME, GraphRules.Change.ANSWER),
                ErrorKind.UNPROCESSABLE, "cannot_follow_self", "There is no follow request from yourself");
    }

    @Test
    void onlyAPrivateAccountNotYetFollowedApprovesAFollow() {
        org.assertj.core.api.Assertions.assertThat(GraphRules.needsApproval(relation(false, false, false, false), true))
                .isTrue();
        org.assertj.core.api.Assertions.assertThat(GraphRules.needsApproval(relation(true, false, false, false), true))
                .as("a follower from before the account turned private").isFalse();
        org.assertj.core.api.Assertions.assertThat(GraphRules.needsApproval(relation(false, true, false, false), false))
                .isFalse();
    }

    @Test
    void everyChangeMayAimAtSomeoneElse() {
        for (GraphRules.Change change : GraphRules.Change.values()) {
            assertThatCode(() -> GraphRules.requireOther(ME, OTHER, change)).doesNotThrowAnyException();
        }
    }

    @Test
    void followingIsOpenWithoutBlocksAndRepeatable() {
        assertThatCode(() -> GraphRules.requireMayFollow(Relation.none(OTHER))).doesNotThrowAnyException();
        assertThatCode(() -> GraphRules.requireMayFollow(relation(true, true, false, false)))
                .doesNotThrowAnyException();
    }

    @Test
    void whomOneBlocksOneCannotFollowUntilUnblocking() {
        assertRefused(() -> GraphRules.requireMayFollow(relation(false, false, true, false)),
                ErrorKind.UNPROCESSABLE, "blocking_user", "You block this user; unblock them to follow");
        // Both ways: the caller's own block is named first, since it is the one they can undo.
        assertRefused(() -> GraphRules.requireMayFollow(relation(false, false, true, true)),
                ErrorKind.UNPROCESSABLE, "blocking_user", "You block this user; unblock them to follow");
    }

    @Test
    void whoBlocksTheCallerDoesNotAcceptThemAsFollower() {
        assertRefused(() -> GraphRules.requireMayFollow(relation(false, true, false, true)),
                ErrorKind.FORBIDDEN, "forbidden", "This user does not accept you as a follower");
    }
}
