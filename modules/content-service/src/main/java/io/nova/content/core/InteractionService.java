package io.nova.content.core;

import io.nova.clients.posts.AuthorView;
import io.nova.content.api.BookmarkState;
import io.nova.content.api.ContentEvents;
import io.nova.content.api.LikeState;
import io.nova.content.api.LikeView;
import io.nova.content.db.BookmarkStore;
import io.nova.content.db.LikeStore;
import io.nova.content.db.PostRow;
import io.nova.content.db.PostStore;
import io.nova.kernel.api.Ids;
import io.nova.kernel.errors.DomainException;
import io.nova.contracts.EventTypes;
import io.nova.kernel.events.Outbox;
import io.nova.contracts.Topics;
import io.nova.kernel.paging.Keyset;
import io.nova.kernel.paging.Page;
import io.nova.kernel.paging.PageRequest;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Likes and bookmarks. Repeating a like or unlike changes nothing; the like count moves in the transaction that
 * inserts or deletes the like, only when a row changed, under the post's row lock — exact under any concurrency.
 */
public final class InteractionService {

    private final Jdbi jdbi;
    private final PostService postService;
    private final PostStore posts;
    private final LikeStore likes;
    private final BookmarkStore bookmarks;
    private final Users users;
    private final Outbox outbox;

    public InteractionService(Jdbi jdbi, PostService postService, PostStore posts, LikeStore likes,
                              BookmarkStore bookmarks, Users users, Outbox outbox) {
        this.jdbi = jdbi;
        this.postService = postService;
        this.posts = posts;
        this.likes = likes;
        this.bookmarks = bookmarks;
        this.users = users;
        this.outbox = outbox;
    }

    public LikeState like(UUID caller, String id) {
        PostRow post = postService.visible(caller, id);
        long count = jdbi.inTransaction(handle -> {
            lockLive(handle, post.id(), id);
            Optional<Instant> likedAt = likes.like(handle, post.id(), caller);
            if (likedAt.isEmpty()) {
                return posts.likeCount(handle, post.id());
            }
            outbox.append(handle, Topics.CONTENT_EVENTS, EventTypes.POST_LIKED, post.id().toString(),
                    new ContentEvents.PostLiked(post.id().toString(), post.authorId().toString(), caller.toString(),
                            likedAt.get()));
            return posts.adjustLikes(handle, post.id(), 1);
        });
        return new LikeState(post.id().toString(), true, count);
    }

    public LikeState unlike(UUID caller, String id) {
        PostRow post = postService.visible(caller, id);
        long count = jdbi.inTransaction(handle -> {
            lockLive(handle, post.id(), id);
            if (!likes.unlike(handle, post.id(), caller)) {
                return posts.likeCount(handle, post.id());
            }
            outbox.append(handle, Topics.CONTENT_EVENTS, EventTypes.POST_UNLIKED, post.id().toString(),
                    new ContentEvents.PostUnliked(post.id().toString(), post.authorId().toString(),
                            caller.toString()));
            return posts.adjustLikes(handle, post.id(), -1);
        });
        return new LikeState(post.id().toString(), false, count);
    }

    /** Who liked a post the viewer can see, newest first. */
    public Page<LikeView> likers(UUID viewer, String id, PageRequest page) {
        PostRow post = postService.visible(viewer, id);
        Optional<Keyset> after = page.cursor().map(Keyset::of);
        Page<Keyset> cut = Page.from(jdbi.withHandle(handle -> likes.likers(handle, post.id(), after,
                page.fetchSize())), page, Keyset::cursor);
        Map<UUID, AuthorView> people = users.views(cut.items().stream().map(Keyset::id).toList());
        List<LikeView> items = cut.items().stream()
                .map(like -> new LikeView(people.getOrDefault(like.id(), AuthorView.unknown(like.id().toString())),
                        like.at()))
                .toList();
        return new Page<>(items, cut.nextCursor());
    }

    public BookmarkState bookmark(UUID caller, String id) {
        PostRow post = postService.visible(caller, id);
        jdbi.useTransaction(handle -> {
            lockLive(handle, post.id(), id);
            bookmarks.add(handle, caller, post.id());
        });
        return new BookmarkState(post.id().toString(), true);
    }

    /**
     * Removing one's own bookmark needs no visibility: a post that was deleted, or whose author blocked the caller
     * since, can still be taken off the list (which hides it anyway).
     */
    public BookmarkState unbookmark(UUID caller, String id) {
        UUID post = Ids.inPath("Post", id);
        jdbi.useTransaction(handle -> bookmarks.remove(handle, caller, post));
        return new BookmarkState(post.toString(), false);
    }

    /** A post deleted between the visibility check and now is gone: 404, and nothing written. */
    private void lockLive(Handle handle, UUID post, String asked) {
        if (posts.lockAuthor(handle, post).isEmpty()) {
            throw DomainException.notFound("Post", asked);
        }
    }
}
