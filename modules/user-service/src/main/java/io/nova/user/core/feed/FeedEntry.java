package io.nova.user.core.feed;

import io.nova.kernel.paging.Keyset;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.UUID;

/**
 * One post in a home timeline: its id, its author, and its creation time in microseconds (PostgreSQL's precision;
 * exact as a Redis score, being below 2^53). Feeds are ordered newest first by (time, id), ids compared as text —
 * the order of PostgreSQL's uuid comparison, so content-service's keyset queries agree with it.
 */
public record FeedEntry(UUID postId, UUID authorId, long micros) {

    /** Newest first; among equal times, the greater id first. */
    public static final Comparator<FeedEntry> NEWEST_FIRST = Comparator.comparingLong(FeedEntry::micros).reversed()
            .thenComparing(entry -> entry.postId().toString(), Comparator.reverseOrder());

    public static FeedEntry of(UUID postId, UUID authorId, Instant createdAt) {
        return new FeedEntry(postId, authorId, ChronoUnit.MICROS.between(Instant.EPOCH, createdAt));
    }

    public Instant createdAt() {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /** The page position just after this entry. */
    public Keyset keyset() {
        return new Keyset(createdAt(), postId);
    }

    /** Whether this entry comes strictly after {@code position} in the feed's order (is older than it). */
    public boolean after(Keyset position) {
        long at = ChronoUnit.MICROS.between(Instant.EPOCH, position.at());
        return micros < at || (micros == at && postId.toString().compareTo(position.id().toString()) < 0);
    }
}
