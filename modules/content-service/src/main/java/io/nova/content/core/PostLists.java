package io.nova.content.core;

import io.nova.clients.posts.PostView;
import io.nova.content.db.BookmarkStore;
import io.nova.content.db.PostRow;
import io.nova.content.db.PostStore;
import io.nova.kernel.api.Ids;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.paging.Keyset;
import io.nova.kernel.paging.Page;
import io.nova.kernel.paging.PageRequest;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Lists of posts: an author's timeline, one's bookmarks, and the batches other services ask for over gRPC. */
public final class PostLists {

    /** Posts per batch another service may ask for. */
    public static final int MAX_BATCH = 100;
    static final int DEFAULT_IDS = 100;
    static final int MAX_IDS = 1000;

    private final Jdbi jdbi;
    private final PostStore posts;
    private final BookmarkStore bookmarks;
    private final Users users;
    private final PostGate gate;
    private final PostViews views;

    public PostLists(Jdbi jdbi, PostStore posts, BookmarkStore bookmarks, Users users, PostGate gate,
                     PostViews views) {
        this.jdbi = jdbi;
        this.posts = posts;
        this.bookmarks = bookmarks;
        this.users = users;
        this.gate = gate;
        this.views = views;
    }

    /** {@code GET /posts?author=}: newest first; what of it the viewer gets is {@link Audience#timeline}'s. */
    public Page<PostView> timeline(UUID viewer, String authorParam, PageRequest page) {
        if (authorParam == null || authorParam.isBlank()) {
            throw DomainException.invalid("missing_parameter", "Query parameter author is required (a user id)",
                    Map.of("parameter", "author"));
        }
        UUID author = Ids.inPath("User", authorParam);
        Optional<Keyset> after = page.cursor().map(Keyset::of);
        // The relation travels while the page is read with followers-only posts included; most pages of most
        // authors hold none, and only then does a non-follower's page need reading again without them.
        Supplier<Relation> asked = gate.relationLater(viewer, author);
        Author owner = users.author(author).orElseThrow(() -> DomainException.notFound("User", authorParam));
        List<PostRow> rows = jdbi.withHandle(handle ->
                posts.byAuthor(handle, author, viewer, true, after, page.fetchSize()));
        switch (Audience.timeline(viewer, author, owner.privateAccount(), asked.get())) {
            case HIDDEN -> throw DomainException.notFound("User", authorParam);
            case PRIVATE -> throw DomainException.forbidden(
                    "This account is private: only its followers see its posts");
            case PUBLIC_ONLY -> {
                if (rows.stream().anyMatch(row -> Visibility.of(row.visibility()) == Visibility.FOLLOWERS)) {
                    rows = jdbi.withHandle(handle ->
                            posts.byAuthor(handle, author, viewer, false, after, page.fetchSize()));
                }
            }
            case EVERYTHING -> {
            }
        }
        Page<PostRow> cut = Page.from(rows, page, row -> new Keyset(row.createdAt(), row.id()).cursor());
        return new Page<>(views.page(cut.items()), cut.nextCursor());
    }

    /** {@code GET /posts/bookmarks}: the caller's, newest bookmark first; posts no longer visible are left out. */
    public Page<PostView> bookmarks(UUID caller, PageRequest page) {
        Optional<Keyset> after = page.cursor().map(Keyset::of);
        List<Keyset> marks = jdbi.withHandle(handle -> bookmarks.list(handle, caller, after, page.fetchSize()));
        Page<Keyset> cut = Page.from(marks, page, Keyset::cursor);
        List<PostRow> rows = byIds(caller, cut.items().stream().map(Keyset::id).toList());
        return new Page<>(views.page(gate.visible(caller, rows)), cut.nextCursor());
    }

    /**
     * The posts of those ids the viewer may see, in the order asked; ids that are not ids, unknown, deleted or
     * invisible are left out. At most {@link #MAX_BATCH} ids.
     */
    public List<PostView> batch(UUID viewer, List<String> postIds) {
        if (postIds.size() > MAX_BATCH) {
            throw DomainException.invalid("too_many_ids",
                    "at most " + MAX_BATCH + " post ids per call, got " + postIds.size(),
                    Map.of("field", "post_ids"));
        }
        Set<UUID> ids = new LinkedHashSet<>();
        postIds.forEach(id -> Ids.parse(id).ifPresent(ids::add));
        return views.page(gate.visible(viewer, byIds(viewer, List.copyOf(ids))));
    }

    /**
     * Ids of an author's live posts newer than {@code since} (all when null), newest first; {@code limit} 0 or
     * less means 100, more than 1000 means 1000.
     */
    public List<PostRef> authorPostIds(UUID author, Instant since, int limit) {
        int bounded = limit <= 0 ? DEFAULT_IDS : Math.min(limit, MAX_IDS);
        return jdbi.withHandle(handle -> posts.idsSince(handle, author, since, bounded)).stream()
                .map(ref -> new PostRef(ref.id(), ref.createdAt(), Visibility.of(ref.visibility())))
                .toList();
    }

    /** Live posts of those ids in the order given (unknown and deleted ones left out), visibility not applied. */
    private List<PostRow> byIds(UUID viewer, List<UUID> ids) {
        Map<UUID, PostRow> found = jdbi.withHandle(handle -> posts.findAll(handle, ids, viewer)).stream()
                .collect(Collectors.toMap(PostRow::id, Function.identity()));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }
}
