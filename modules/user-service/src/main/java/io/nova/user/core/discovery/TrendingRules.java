package io.nova.user.core.discovery;

import java.time.Duration;
import java.time.Instant;

/**
 * How a post's trending score is made (docs/api-discovery.md): every like and comment that still stands contributes
 * {@code weight · 2^(−age / halfLife)}, its age counted at the moment the ranking is taken ("as of"); engagements
 * older than {@code window} contribute nothing; a post needs at least {@code minEngagement} of them in the window to
 * be ranked at all. A contribution is rounded to millionths before it is summed: the sum is then exact integer
 * arithmetic, the same whatever order the database adds it up in, so a cursor can name a score precisely.
 *
 * <p>The database computes the same formula ({@code db.TrendingStore}); this class is its definition and what the
 * unit tests check it against.
 */
public record TrendingRules(double likeWeight, double commentWeight, Duration halfLife, Duration window,
                            int minEngagement) {

    /** Score units per point: contributions are summed as whole millionths. */
    public static final long UNITS = 1_000_000L;

    public TrendingRules {
        if (likeWeight < 0 || commentWeight < 0 || likeWeight + commentWeight == 0) {
            throw new IllegalArgumentException("weights must be ≥ 0 and not both 0");
        }
        if (halfLife.isNegative() || halfLife.isZero() || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("halfLife and window must be positive");
        }
        if (minEngagement < 1) {
            throw new IllegalArgumentException("minEngagement must be ≥ 1");
        }
    }

    public enum Kind {
        LIKE("like"), COMMENT("comment");

        private final String column;

        Kind(String column) {
            this.column = column;
        }

        /** The value of {@code discovery_engagements.kind}. */
        public String column() {
            return column;
        }
    }

    public double weight(Kind kind) {
        return kind == Kind.LIKE ? likeWeight : commentWeight;
    }

    /**
     * What one engagement made {@code at} adds to its post's score as of {@code asOf}, in units: nothing when it is
     * from the future or older than the window.
     */
    public long contribution(Kind kind, Instant at, Instant asOf) {
        if (at.isAfter(asOf) || !at.isAfter(asOf.minus(window))) {
            return 0;
        }
        double ageSeconds = Duration.between(at, asOf).toNanos() / 1e9;
        return Math.round(weight(kind) * Math.pow(2, -ageSeconds / halfLifeSeconds()) * UNITS);
    }

    public double halfLifeSeconds() {
        return halfLife.toNanos() / 1e9;
    }

    /** The oldest engagement time still inside the window (exclusive) for a ranking as of {@code asOf}. */
    public Instant windowStart(Instant asOf) {
        return asOf.minus(window);
    }

    /** Whether a post with {@code engagements} counted engagements in the window is ranked at all. */
    public boolean ranked(int engagements) {
        return engagements >= minEngagement;
    }
}
