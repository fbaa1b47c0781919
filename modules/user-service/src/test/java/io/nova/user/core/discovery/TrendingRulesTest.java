package io.nova.user.core.discovery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrendingRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private final TrendingRules rules = new TrendingRules(1, 3, Duration.ofHours(6), Duration.ofHours(72), 2);

    @Test
    void aFreshLikeIsWorthItsWeightAndAFreshCommentThreeTimesThat() {
        assertThat(rules.contribution(TrendingRules.Kind.LIKE, NOW, NOW)).isEqualTo(TrendingRules.UNITS);
        assertThat(rules.contribution(TrendingRules.Kind.COMMENT, NOW, NOW)).isEqualTo(3 * TrendingRules.UNITS);
    }

    @Test
    void aContributionHalvesWithEveryHalfLife() {
        assertThat(rules.contribution(TrendingRules.Kind.LIKE, NOW.minus(Duration.ofHours(6)), NOW))
                .isEqualTo(500_000);
        assertThat(rules.contribution(TrendingRules.Kind.LIKE, NOW.minus(Duration.ofHours(12)), NOW))
                .isEqualTo(250_000);
        assertThat(rules.contribution(TrendingRules.Kind.COMMENT, NOW.minus(Duration.ofHours(3)), NOW))
                .isEqualTo(Math.round(3 * Math.sqrt(0.5) * TrendingRules.UNITS));
    }

    @Test
    void nothingCountsOutsideTheWindowOrFromTheFuture() {
        assertThat(rules.contribution(TrendingRules.Kind.COMMENT, NOW.minus(Duration.ofHours(72)), NOW)).isZero();
        assertThat(rules.contribution(TrendingRules.Kind.COMMENT, NOW.minus(Duration.ofHours(71)), NOW))
                .isPositive();
        assertThat(rules.contribution(TrendingRules.Kind.LIKE, NOW.plusSeconds(1), NOW)).isZero();
        assertThat(rules.windowStart(NOW)).isEqualTo(NOW.minus(Duration.ofHours(72)));
    }

    @Test
    void twoOldLikesLoseToOneFreshCommentAndOneFreshLikeBeatsTwoDayOldOnes() {
        long old = 2 * rules.contribution(TrendingRules.Kind.LIKE, NOW.minus(Duration.ofHours(24)), NOW);
        long fresh = rules.contribution(TrendingRules.Kind.COMMENT, NOW.minus(Duration.ofMinutes(5)), NOW);
        assertThat(fresh).isGreaterThan(old);
        long oneFreshLike = rules.contribution(TrendingRules.Kind.LIKE, NOW, NOW);
        long tenTwoDayOld = 10 * rules.contribution(TrendingRules.Kind.LIKE, NOW.minus(Duration.ofHours(48)), NOW);
        assertThat(oneFreshLike).isGreaterThan(tenTwoDayOld);
    }

    @Test
    void aPostNeedsTheMinimumEngagementToBeRanked() {
        assertThat(rules.ranked(1)).isFalse();
        assertThat(rules.ranked(2)).isTrue();
    }

    @Test
    void nonsenseParametersAreRefused() {
        assertThatThrownBy(() -> new TrendingRules(0, 0, Duration.ofHours(1), Duration.ofHours(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrendingRules(1, 1, Duration.ZERO, Duration.ofHours(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrendingRules(1, 1, Duration.ofHours(1), Duration.ofHours(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
