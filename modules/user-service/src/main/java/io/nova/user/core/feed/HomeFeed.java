package io.nova.user.core.feed;

import io.nova.clients.posts.PostView;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.paging.Keyset;
import io.nova.kernel.paging.Page;
import io.nova.kernel.paging.PageRequest;
import io.nova.user.core.PostCatalog;
import io.nova.user.db.FeedStore;
import org.jdbi.v3.core.Jdbi;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /feed}: the viewer's timeline from Redis when it is kept, merged at read time with the posts of followed
 * authors too widely followed to be pushed, and — on the first page, while the viewer has a post the fan-out has not
 * delivered yet ({@link io.nova.contracts.OwnPostMarks}) — with the viewer's own newest posts (read your writes
 * before Kafka delivers). When the timeline is not kept (never built, Redis flushed or unreachable, or the
 * viewer was inactive) the page comes from a pull of every followed author's recent posts at content-service, and
 * the timeline is rebuilt in the background. Either way the candidates go to content-service's {@code GetPosts}
 * with the viewer, which leaves out what the viewer may not see; a page a hidden post left short asks again from
 * where it stopped, so pages are full and a cursor never skips.
 */
public final class HomeFeed {

    private static final Logger LOG = LoggerFactory.getLogger(HomeFeed.class);
    /** Candidates asked beyond the page, so that a few hidden posts still leave a full page in one round. */
    private static final int SLACK = 4;
    /** Rounds of hydration one page may take before it answers short (with a cursor to continue). */
    private static final int MAX_ROUNDS = 4;

    private final Jdbi jdbi;
    private final FeedStore store;
    private final Timelines timelines;
    private final PostCatalog catalog;
    private final WideFollowees wideFollowees;
    private final Executor rebuilds;
    private final Set<UUID> rebuilding = ConcurrentHashMap.newKeySet();

    public HomeFeed(Jdbi jdbi, FeedStore store, Timelines timelines, PostCatalog catalog,
                    WideFollowees wideFollowees, Executor rebuilds) {
        this.jdbi = jdbi;
        this.store = store;
        this.timelines = timelines;
        this.catalog = catalog;
        this.wideFollowees = wideFollowees;
        this.rebuilds = rebuilds;
    }

    public Page<PostView> page(NovaPrincipal viewer, PageRequest request) {
        Optional<Keyset> position = request.cursor().map(Keyset::of);
        int wanted = request.limit() + 1;
        Sources sources = new Sources(viewer.id(), position.isEmpty());
        List<PostView> shown = new ArrayList<>();
        List<FeedEntry> shownEntries = new ArrayList<>();
        FeedEntry lastSeen = null;
        boolean exhausted = false;
        for (int round = 0; round < MAX_ROUNDS && shown.size() < wanted && !exhausted; round++) {
            Optional<Keyset> from = lastSeen == null ? position : Optional.of(lastSeen.keyset());
            int count = Math.min(PostCatalog.MAX_BATCH, wanted - shown.size() + SLACK);
            FeedRules.Candidates candidates = sources.candidates(from, count);
            exhausted = candidates.exhausted();
            List<FeedEntry> batch = candidates.entries().subList(0, Math.min(count, candidates.entries().size()));
            exhausted &= batch.size() == candidates.entries().size();
            if (batch.isEmpty()) {
                exhausted = true;
                break;
            }
            Map<String, PostView> visible = catalog.posts(viewer, batch.stream().map(FeedEntry::postId).toList())
                    .stream().collect(Collectors.toMap(PostView::id, Function.identity()));
            for (FeedEntry entry : batch) {
                lastSeen = entry;
                PostView view = visible.get(entry.postId().toString());
                if (view != null) {
                    shown.add(view);
                    shownEntries.add(entry);
                    if (shown.size() == wanted) {
                        break;
                    }
                }
            }
        }
        if (shown.size() == wanted) {
            return new Page<>(List.copyOf(shown.subList(0, request.limit())),
                    shownEntries.get(request.limit() - 1).keyset().cursor().encode());
        }
        String next = exhausted || lastSeen == null ? null : lastSeen.keyset().cursor().encode();
        return new Page<>(List.copyOf(shown), next);
    }

    private List<UUID> pullAll(UUID viewer) {
        List<UUID> authors = new ArrayList<>(jdbi.withHandle(handle -> store.following(handle, viewer)));
        authors.add(viewer);
        return authors;
    }

    /**
     * Where a page's candidates come from, decided by the first round's timeline read (no extra round trip): the
     * kept timeline plus the authors merged at read time — followed authors over the fan-out threshold and, on the
     * first page, the viewer — or, when the timeline is not kept or Redis fails, a pull of everyone followed.
     */
    private final class Sources {
        private final UUID viewer;
        private final boolean firstPage;
        private Boolean timeline;
        private List<UUID> pulled;

        Sources(UUID viewer, boolean firstPage) {
            this.viewer = viewer;
            this.firstPage = firstPage;
        }

        FeedRules.Candidates candidates(Optional<Keyset> from, int count) {
            List<FeedRules.Source> all = new ArrayList<>();
            if (timeline == null || timeline) {
                Timelines.Read read = null;
                try {
                    read = timelines.read(viewer, from, count);
                } catch (RedisException e) {
                    LOG.warn("Timeline of {} unreadable, serving a pull merge: {}", viewer, e.toString());
                }
                if (read != null && read.ready()) {
                    if (timeline == null) {
                        pulled = new ArrayList<>(wideFollowees.of(viewer, read));
                        if (firstPage && read.ownPending()) {
                            pulled.add(viewer);
                        }
                    }
                    timeline = true;
                    all.add(read.source());
                } else {
                    if (read != null) {
                        rebuildLater(viewer);
                    }
                    timeline = false;
                    pulled = pullAll(viewer);
                }
            }
            all.addAll(pull(pulled, from, count));
            return FeedRules.merge(all, from);
        }
    }

    private List<FeedRules.Source> pull(List<UUID> authors, Optional<Keyset> from, int count) {
        List<FeedRules.Source> sources = new ArrayList<>();
        for (int start = 0; start < authors.size(); start += PostCatalog.MAX_AUTHORS) {
            List<FeedEntry> entries = catalog.recentOfAuthors(
                            authors.subList(start, Math.min(authors.size(), start + PostCatalog.MAX_AUTHORS)), from,
                            count).stream()
                    .map(ref -> FeedEntry.of(ref.id(), ref.authorId(), ref.createdAt())).toList();
            sources.add(new FeedRules.Source(entries, entries.size() >= count));
        }
        return sources;
    }

    /** Rebuilds the viewer's timeline in the background, once at a time per viewer on this replica. */
    void rebuildLater(UUID viewer) {
        if (rebuilding.add(viewer)) {
            try {
                rebuilds.execute(() -> {
                    try {
                        rebuild(viewer);
                    } catch (RuntimeException e) {
                        LOG.warn("Rebuilding the timeline of {} failed; the next read tries again: {}", viewer,
                                e.toString());
                    } finally {
                        rebuilding.remove(viewer);
                    }
                });
            } catch (RuntimeException e) {
                rebuilding.remove(viewer);
                throw e;
            }
        }
    }

    /**
     * Marks the timeline as being built first, so the fan-out writes to it from then on, then fills it with the
     * newest posts of everyone followed and the viewer's own; only then is it ready for reads. A post created
     * meanwhile arrives by the pull, the fan-out, or both (the same member).
     */
    private void rebuild(UUID viewer) {
        Optional<String> token = timelines.beginBuild(viewer);
        if (token.isEmpty()) {
            return;
        }
        try {
            FeedRules.Candidates newest = FeedRules.merge(pull(pullAll(viewer), Optional.empty(), timelines.size()),
                    Optional.empty());
            timelines.add(List.of(viewer), newest.entries());
            timelines.finishBuild(viewer, token.get());
        } catch (RuntimeException e) {
            timelines.abandonBuild(viewer, token.get());
            throw e;
        }
    }
}
