package io.nova.user.core.feed;

import io.nova.kernel.paging.Keyset;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The pure rules of the home feed: who is fanned out to, and how partial sources merge into one page's candidates. */
public final class FeedRules {

    private FeedRules() {
    }

    /**
     * A source of feed entries, newest first, cut at some count: {@code full} when it returned as many as asked
     * (it may hold more, older ones), so nothing older than its last entry is known to be complete.
     */
    public record Source(List<FeedEntry> entries, boolean full) {
    }

    /** Candidates for a page, newest first and without duplicates; {@code exhausted} when no source holds more. */
    public record Candidates(List<FeedEntry> entries, boolean exhausted) {
    }

    /**
     * An author's post is pushed into followers' timelines only while they have at most {@code maxFollowers}
     * followers; beyond, their posts are merged in at read time (a push would cost one write per follower).
     */
    public static boolean fansOut(long followers, int maxFollowers) {
        return followers <= maxFollowers;
    }

    /**
     * Whether a follower count that moved by {@code delta} to {@code followersNow} went across the fan-out threshold
     * (either way): then which authors a feed merges at read time changed for all of that author's followers.
     */
    public static boolean crossesFanOut(long followersNow, int delta, int maxFollowers) {
        return fansOut(followersNow - delta, maxFollowers) != fansOut(followersNow, maxFollowers);
    }

    /**
     * Merges sources into one newest-first list after {@code before}, each post once. A source that was cut
     * ({@code full}) is only known down to its last entry: anything older than the newest such horizon is left
     * for the next round, so a merged list never skips an entry a cut source has not shown yet.
     */
    public static Candidates merge(List<Source> sources, Optional<Keyset> before) {
        FeedEntry horizon = null;
        List<FeedEntry> all = new ArrayList<>();
        for (Source source : sources) {
            if (source.full() && !source.entries().isEmpty()) {
                FeedEntry last = source.entries().get(source.entries().size() - 1);
                if (horizon == null || FeedEntry.NEWEST_FIRST.compare(last, horizon) < 0) {
                    horizon = last;
                }
            }
            all.addAll(source.entries());
        }
        all.sort(FeedEntry.NEWEST_FIRST);
        Set<UUID> seen = new HashSet<>();
        List<FeedEntry> merged = new ArrayList<>();
        for (FeedEntry entry : all) {
            if (horizon != null && FeedEntry.NEWEST_FIRST.compare(entry, horizon) > 0) {
                break;
            }
            if (before.map(entry::after).orElse(true) && seen.add(entry.postId())) {
                merged.add(entry);
            }
        }
        boolean anyFull = sources.stream().anyMatch(Source::full);
        return new Candidates(merged, !anyFull);
    }
}
