package io.nova.content.core;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.nova.content.core.Audience.Timeline.EVERYTHING;
import static io.nova.content.core.Audience.Timeline.HIDDEN;
import static io.nova.content.core.Audience.Timeline.PRIVATE;
import static io.nova.content.core.Audience.Timeline.PUBLIC_ONLY;
import static io.nova.content.core.Visibility.FOLLOWERS;
import static io.nova.content.core.Visibility.PUBLIC;
import static org.assertj.core.api.Assertions.assertThat;

/** Who sees what: the rules alone, on every combination that matters. */
class AudienceTest {

    private static final UUID VIEWER = UUID.randomUUID();
    private static final UUID AUTHOR = UUID.randomUUID();

    private static final Relation STRANGER = Relation.NONE;
    private static final Relation FOLLOWER = new Relation(true, false, false);
    private static final Relation BLOCKING = new Relation(false, true, false);
    private static final Relation BLOCKED_BY = new Relation(false, false, true);
    private static final Relation FOLLOWER_BLOCKED_BY = new Relation(true, false, true);
    private static final Relation FOLLOWER_BLOCKING = new Relation(true, true, false);

    @Test
    void publicPostsOfAPublicAccountAreForEveryoneNotBlocked() {
        assertThat(Audience.sees(VIEWER, AUTHOR, PUBLIC, false, STRANGER)).isTrue();
        assertThat(Audience.sees(VIEWER, AUTHOR, PUBLIC, false, FOLLOWER)).isTrue();
        assertThat(Audience.sees(VIEWER, AUTHOR, PUBLIC, false, BLOCKING)).isFalse();
        assertThat(Audience.sees(VIEWER, AUTHOR, PUBLIC, false, BLOCKED_BY)).isFalse();
    }

    @Test
    void followersOnlyPostsAreForFollowers() {
        assertThat(Audience.sees(VIEWER, AUTHOR, FOLLOWERS, false, STRANGER)).isFalse();
        assertThat(Audience.sees(VIEWER, AUTHOR, FOLLOWERS, false, FOLLOWER)).isTrue();
    }

    @Test
    void everyPostOfAPrivateAccountIsForFollowers() {
        assertThat(Audience.sees(VIEWER, AUTHOR, PUBLIC, true, STRANGER)).isFalse();
        assertThat(Audience.sees(VIEWER, AUTHOR, FOLLOWERS, true, STRANGER)).isFalse();
        assertThat(Audience.sees(VIEWER, AUTHOR, PUBLIC, true, FOLLOWER)).isTrue();
        assertThat(Audience.sees(VIEWER, AUTHOR, FOLLOWERS, true, FOLLOWER)).isTrue();
    }

    @Test
    void aBlockEitherWayHidesEvenFromAFollower() {
        assertThat(Audience.sees(VIEWER, AUTHOR, PUBLIC, false, FOLLOWER_BLOCKED_BY)).isFalse();
        assertThat(Audience.sees(VIEWER, AUTHOR, FOLLOWERS, false, FOLLOWER_BLOCKING)).isFalse();
        assertThat(Audience.sees(VIEWER, AUTHOR, PUBLIC, true, FOLLOWER_BLOCKING)).isFalse();
    }

    @Test
    void theAuthorAlwaysSeesTheirOwn() {
        assertThat(Audience.sees(AUTHOR, AUTHOR, FOLLOWERS, true, STRANGER)).isTrue();
        // Whatever relation is passed for oneself (none is ever asked), one's own posts stay visible.
        assertThat(Audience.sees(AUTHOR, AUTHOR, PUBLIC, false, BLOCKED_BY)).isTrue();
    }

    @Test
    void timelineOfAPublicAccount() {
        assertThat(Audience.timeline(VIEWER, AUTHOR, false, STRANGER)).isEqualTo(PUBLIC_ONLY);
        assertThat(Audience.timeline(VIEWER, AUTHOR, false, FOLLOWER)).isEqualTo(EVERYTHING);
        assertThat(Audience.timeline(AUTHOR, AUTHOR, false, STRANGER)).isEqualTo(EVERYTHING);
    }

    @Test
    void timelineOfAPrivateAccountIsRefusedToNonFollowersOnly() {
        assertThat(Audience.timeline(VIEWER, AUTHOR, true, STRANGER)).isEqualTo(PRIVATE);
        assertThat(Audience.timeline(VIEWER, AUTHOR, true, FOLLOWER)).isEqualTo(EVERYTHING);
        assertThat(Audience.timeline(AUTHOR, AUTHOR, true, STRANGER)).isEqualTo(EVERYTHING);
    }

    @Test
    void aBlockHidesTheTimelineBeforePrivacyIsConsidered() {
        // Hidden (404), not private (403): a blocked viewer must not learn the account is private.
        assertThat(Audience.timeline(VIEWER, AUTHOR, true, BLOCKED_BY)).isEqualTo(HIDDEN);
        assertThat(Audience.timeline(VIEWER, AUTHOR, false, BLOCKING)).isEqualTo(HIDDEN);
        assertThat(Audience.timeline(VIEWER, AUTHOR, false, FOLLOWER_BLOCKED_BY)).isEqualTo(HIDDEN);
        assertThat(Audience.timeline(VIEWER, AUTHOR, true, FOLLOWER_BLOCKING)).isEqualTo(HIDDEN);
    }

    @Test
    void commentsOfSomeoneBlockedEitherWayAreLeftOut() {
        UUID commenter = UUID.randomUUID();
        assertThat(Audience.seesComment(VIEWER, commenter, STRANGER)).isTrue();
        assertThat(Audience.seesComment(VIEWER, commenter, FOLLOWER)).isTrue();
        assertThat(Audience.seesComment(VIEWER, commenter, BLOCKING)).isFalse();
        assertThat(Audience.seesComment(VIEWER, commenter, BLOCKED_BY)).isFalse();
        assertThat(Audience.seesComment(VIEWER, VIEWER, STRANGER)).isTrue();
    }

    @Test
    void mentionsSkipTheAuthorAndAnyoneBlockedEitherWay() {
        UUID named = UUID.randomUUID();
        assertThat(Audience.mentions(AUTHOR, named, STRANGER)).isTrue();
        assertThat(Audience.mentions(AUTHOR, named, FOLLOWER)).isTrue();
        assertThat(Audience.mentions(AUTHOR, named, BLOCKING)).isFalse();
        assertThat(Audience.mentions(AUTHOR, named, BLOCKED_BY)).isFalse();
        assertThat(Audience.mentions(AUTHOR, AUTHOR, STRANGER)).isFalse();
    }
}
