package io.nova.messaging.core.notifications;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationRulesTest {

    private static final Duration DAY = Duration.ofHours(24);
    private static final String POST = UUID.randomUUID().toString();

    @Test
    void likesOfOnePostInOneWindowShareAKey() {
        Instant morning = Instant.parse("2026-03-01T08:00:00Z");
        Instant evening = Instant.parse("2026-03-01T23:59:59.999Z");

        assertThat(NotificationRules.groupKey(NotificationKind.LIKE, POST, morning, DAY))
                .isEqualTo(NotificationRules.groupKey(NotificationKind.LIKE, POST, evening, DAY))
                .startsWith("like:" + POST + ":");
    }

    @Test
    void theNextWindowAnotherPostOrAnotherKindIsAnotherKey() {
        Instant at = Instant.parse("2026-03-01T08:00:00Z");
        String key = NotificationRules.groupKey(NotificationKind.LIKE, POST, at, DAY);

        assertThat(NotificationRules.groupKey(NotificationKind.LIKE, POST, Instant.parse("2026-03-02T00:00:00Z"),
                DAY)).isNotEqualTo(key);
        assertThat(NotificationRules.groupKey(NotificationKind.LIKE, UUID.randomUUID().toString(), at, DAY))
                .isNotEqualTo(key);
        assertThat(NotificationRules.groupKey(NotificationKind.MENTION, POST, at, DAY)).isNotEqualTo(key);
    }

    @Test
    void aShorterWindowSplitsWhatALongerOneGroups() {
        Instant first = Instant.parse("2026-03-01T08:10:00Z");
        Instant second = Instant.parse("2026-03-01T09:10:00Z");

        assertThat(NotificationRules.groupKey(NotificationKind.FOLLOW, "", first, Duration.ofHours(1)))
                .isNotEqualTo(NotificationRules.groupKey(NotificationKind.FOLLOW, "", second, Duration.ofHours(1)));
        assertThat(NotificationRules.groupKey(NotificationKind.FOLLOW, "", first, DAY))
                .isEqualTo(NotificationRules.groupKey(NotificationKind.FOLLOW, "", second, DAY));
    }

    @Test
    void oneOffKindsAreOneEntryEachWhateverTheTime() {
        String comment = UUID.randomUUID().toString();

        assertThat(NotificationRules.groupKey(NotificationKind.COMMENT, comment, Instant.EPOCH, DAY))
                .isEqualTo(NotificationRules.groupKey(NotificationKind.COMMENT, comment, Instant.now(), DAY))
                .isEqualTo("comment:" + comment);
    }

    @Test
    void timesBeforeTheEpochStillFallInAWindow() {
        assertThat(NotificationRules.groupKey(NotificationKind.LIKE, POST, Instant.parse("1969-12-31T23:00:00Z"),
                DAY)).endsWith(":-1");
    }

    @Test
    void aWindowMustBePositive() {
        assertThatThrownBy(() -> NotificationRules.groupKey(NotificationKind.LIKE, POST, Instant.EPOCH,
                Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nobodyIsNotifiedOfTheirOwnDoingNorAcrossABlock() {
        UUID owner = UUID.randomUUID();
        UUID other = UUID.randomUUID();

        assertThat(NotificationRules.mayNotify(owner, other, false)).isTrue();
        assertThat(NotificationRules.mayNotify(owner, owner, false)).isFalse();
        assertThat(NotificationRules.mayNotify(owner, other, true)).isFalse();
    }
}
