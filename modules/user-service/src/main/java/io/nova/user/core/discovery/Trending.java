package io.nova.user.core.discovery;

import io.nova.kernel.api.Ids;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.paging.Cursor;
import io.nova.kernel.paging.Page;
import io.nova.kernel.paging.PageRequest;
import io.nova.user.api.TagTrend;
import io.nova.user.db.TrendingStore;
import io.nova.user.db.TrendingStore.ScoredPost;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rankings behind {@code /discover/posts} (as ids; {@link DiscoverPosts} hydrates them) and
 * {@code /discover/tags}. A ranking of posts is taken as of the moment its first page is asked for; the cursor
 * carries that moment with the last (score, id), so later pages rank exactly as the first one did — no duplicates,
 * no gaps, whatever is liked meanwhile. A cursor older than {@code cursorLifetime} is refused (400
 * {@code cursor_expired}): the engagements it would need may have been pruned.
 */
public final class Trending {

    /** One page of ranked post ids and their scores (millionths). */
    public record RankedPage(List<ScoredPost> posts, String nextCursor) {
    }

    private final Jdbi jdbi;
    private final TrendingStore store;
    private final TrendingRules rules;
    private final Duration tagWindow;
    private final Duration cursorLifetime;
    private final Clock clock;

    public Trending(Jdbi jdbi, TrendingStore store, TrendingRules rules, Duration tagWindow, Duration cursorLifetime,
                    Clock clock) {
        this.jdbi = jdbi;
        this.store = store;
        this.rules = rules;
        this.tagWindow = tagWindow;
        this.cursorLifetime = cursorLifetime;
        this.clock = clock;
    }

    public RankedPage posts(UUID viewer, PageRequest page) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant asOf = page.cursor().map(Trending::asOf).orElse(now);
        if (asOf.isBefore(now.minus(cursorLifetime)) || asOf.isAfter(now.plusSeconds(60))) {
            throw DomainException.invalid("cursor_expired",
                    "This ranking is too old to page on; start again without a cursor");
        }
        Optional<ScoredPost> after = page.cursor().map(Trending::last);
        TrendingStore.Scoring scoring = new TrendingStore.Scoring(rules.likeWeight(), rules.commentWeight(),
                rules.halfLifeSeconds(), rules.windowStart(asOf), rules.minEngagement());
        List<ScoredPost> fetched = jdbi.withHandle(handle ->
                store.rank(handle, viewer, asOf, scoring, after, page.fetchSize()));
        Page<ScoredPost> ranked = Page.from(fetched, page, last -> Cursor.of(
                String.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, asOf)), String.valueOf(last.score()),
                last.postId().toString()));
        return new RankedPage(ranked.items(), ranked.nextCursor());
    }

    /** The most used hashtags of the last {@code tagWindow}, at most {@code limit} (1..100). */
    public Page<TagTrend> tags(PageRequest page) {
        if (page.cursor().isPresent()) {
            throw DomainException.invalid("invalid_cursor", "Trending tags are one list of up to 100; no cursor");
        }
        Instant since = clock.instant().minus(tagWindow);
        List<TagTrend> tags = jdbi.withHandle(handle -> store.tags(handle, since, page.limit())).stream()
                .map(t -> new TagTrend(t.tag(), t.posts())).toList();
        return new Page<>(tags, null);
    }

    /** Prunes engagements older than any ranking a live cursor can still ask for. */
    public int prune(io.nova.user.db.DiscoveryStore discovery) {
        Instant before = rules.windowStart(clock.instant().minus(cursorLifetime)).minus(Duration.ofHours(1));
        return jdbi.inTransaction(handle -> discovery.pruneEngagements(handle, before));
    }

    private static Instant asOf(Cursor cursor) {
        return Instant.EPOCH.plus(cursor.longPart(0), ChronoUnit.MICROS);
    }

    private static ScoredPost last(Cursor cursor) {
        long score = cursor.longPart(1);
        UUID id = Ids.parse(cursor.part(2)).orElseThrow(
                () -> DomainException.invalid("invalid_cursor", "The cursor is not one this API returned"));
        return new ScoredPost(id, score);
    }
}
