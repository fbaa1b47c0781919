package io.nova.user.core.feed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.nova.user.db.FeedStore;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The followed authors a viewer's feed merges at read time (too widely followed to be pushed), kept per viewer so
 * that a page costs no database query. A list is kept under what the timeline read saw before the query: the
 * viewer's relationship version, which every follow, unfollow and block of the viewer replaces, and the
 * {@link WideAuthors} epoch, which every crossing of the fan-out threshold replaces. A list under anything else is
 * asked again. Lists also expire after {@link #LIFETIME}: that bounds the one gap, a crossing committed whose new
 * epoch was never drawn (the replica died, or Redis failed, in between; a retry of the request finds nothing left to
 * cross).
 */
public final class WideFollowees {

    static final Duration LIFETIME = Duration.ofMinutes(1);

    private record Kept(String stamp, List<UUID> authors) {
    }

    private final Jdbi jdbi;
    private final FeedStore store;
    private final int maxFollowers;
    private final Cache<UUID, Kept> kept;

    public WideFollowees(Jdbi jdbi, FeedStore store, WideAuthors wideAuthors, long cacheSize) {
        this.jdbi = jdbi;
        this.store = store;
        this.maxFollowers = wideAuthors.maxFollowers();
        this.kept = Caffeine.newBuilder().maximumSize(cacheSize).expireAfterWrite(LIFETIME).build();
    }

    /** The viewer's followees over the threshold, as of the {@code read} taken before this call. */
    public List<UUID> of(UUID viewer, Timelines.Read read) {
        String stamp = read.followsVersion() + " " + read.wideEpoch();
        Kept known = kept.getIfPresent(viewer);
        if (known != null && known.stamp().equals(stamp)) {
            return known.authors();
        }
        List<UUID> authors = List.copyOf(jdbi.withHandle(handle -> store.followingOver(handle, viewer, maxFollowers)));
        kept.put(viewer, new Kept(stamp, authors));
        return authors;
    }
}
