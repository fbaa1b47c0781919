package io.nova.user.core;

import io.nova.clients.posts.PostView;
import io.nova.kernel.auth.NovaPrincipal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the home feed needs of content-service, in user-service's terms (implemented over gRPC in {@code clients}):
 * posts hydrated exactly as content-service's {@code GET /posts/{id}} shows them, and an author's recent post ids.
 * A refusal arrives as the {@link io.nova.kernel.errors.DomainException} content-service threw, an outage as a 503
 * one: callers decide by its kind, never by its message.
 */
public interface PostCatalog {

    /** Posts per {@link #posts} call content-service accepts. */
    int MAX_BATCH = 100;

    /** Post ids per {@link #recentPostIds} call content-service answers at most. */
    int MAX_IDS = 1000;

    /** One of an author's live posts: enough to place it in a timeline and to know who may have it there. */
    record PostRef(UUID id, UUID authorId, Instant createdAt, boolean followersOnly) {
    }

    /**
     * The posts of those ids (at most {@link #MAX_BATCH}) that {@code viewer} may see, asked on the viewer's behalf
     * (content-service verifies their token), in the order asked: deleted
     * posts, unknown ids, posts of blocked or blocking authors, followers-only posts of authors the viewer does not
     * follow and posts of private accounts the viewer does not follow are left out — by content-service.
     */
    List<PostView> posts(NovaPrincipal viewer, List<UUID> ids);

    /**
     * An author's live posts created after {@code since} (all when null), newest first, at most {@code limit}
     * (1..{@link #MAX_IDS}).
     */
    List<PostRef> recentPostIds(UUID author, Instant since, int limit);
}
