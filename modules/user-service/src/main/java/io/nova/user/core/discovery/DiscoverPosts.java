package io.nova.user.core.discovery;

import io.nova.clients.posts.PostView;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.paging.Page;
import io.nova.kernel.paging.PageRequest;
import io.nova.user.core.PostCatalog;
import io.nova.user.db.TrendingStore.ScoredPost;

import java.util.List;

/**
 * {@code GET /discover/posts}: a page of the trending ranking ({@link Trending}), hydrated by content-service in
 * one {@code GetPosts} call, exactly as {@code GET /posts/{id}} shows each post to the caller. A post
 * content-service no longer shows the caller (deleted, made followers-only, its author's account made private
 * since the event) is left out of the page; the cursor still continues after the page's last ranked post.
 */
public final class DiscoverPosts {

    private final Trending trending;
    private final PostCatalog catalog;

    public DiscoverPosts(Trending trending, PostCatalog catalog) {
        this.trending = trending;
        this.catalog = catalog;
    }

    public Page<PostView> page(NovaPrincipal viewer, PageRequest page) {
        Trending.RankedPage ranked = trending.posts(viewer.id(), page);
        List<PostView> posts = catalog.posts(viewer, ranked.posts().stream().map(ScoredPost::postId).toList());
        return new Page<>(posts, ranked.nextCursor());
    }
}
