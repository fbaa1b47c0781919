package io.nova.content.core;

import io.nova.clients.posts.AuthorView;
import io.nova.clients.posts.MediaView;
import io.nova.clients.posts.PostView;
import io.nova.content.db.PostRow;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.ErrorKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns stored posts into what clients see: one batched (and mostly cached) user-service call for the page's
 * authors and one batched media-service call for its media, whatever the page size.
 */
public final class PostViews {

    private final Users users;
    private final Media media;

    public PostViews(Users users, Media media) {
        this.users = users;
        this.media = media;
    }

    public PostView one(PostRow post) {
        return page(List.of(post)).get(0);
    }

    public List<PostView> page(List<PostRow> posts) {
        Set<UUID> authorIds = new HashSet<>();
        Set<UUID> mediaIds = new HashSet<>();
        for (PostRow post : posts) {
            authorIds.add(post.authorId());
            mediaIds.addAll(post.mediaIds());
        }
        Map<UUID, AuthorView> authors = authorIds.isEmpty() ? Map.of() : degraded(() -> users.views(authorIds));
        Map<UUID, MediaView> files = mediaIds.isEmpty() ? Map.of() : degraded(() -> media.views(mediaIds));
        List<PostView> views = new ArrayList<>(posts.size());
        for (PostRow post : posts) {
            List<MediaView> attached = post.mediaIds().stream().map(files::get)
                    .filter(Objects::nonNull).toList();
            views.add(new PostView(post.id().toString(),
                    authors.getOrDefault(post.authorId(), AuthorView.unknown(post.authorId().toString())),
                    post.text(), attached, post.visibility(),
                    post.replyTo() == null ? null : post.replyTo().toString(), post.hashtags(), post.mentions(),
                    post.likeCount(), post.commentCount(), post.likedByMe(), post.bookmarkedByMe(),
                    post.createdAt(), post.editedAt()));
        }
        return views;
    }

    /**
     * Names and pictures are decoration: when user-service or media-service is down, posts are still shown (authors
     * by id, media left out) rather than failing — above all the answer to a create that has already committed.
     * Visibility is not decoration: {@link PostGate} fails instead.
     */
    private static <K, V> Map<K, V> degraded(Supplier<Map<K, V>> hydration) {
        try {
            return hydration.get();
        } catch (DomainException e) {
            if (e.kind() != ErrorKind.UNAVAILABLE) {
                throw e;
            }
            return Map.of();
        }
    }
}
