package io.nova.content.core;

import io.nova.content.db.PostRow;
import io.nova.kernel.errors.DomainException;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Applies {@link Audience} to stored posts: asks user-service (through {@link Users} and {@link Relations}) what the
 * rules need, once per distinct author. Invisible is indistinguishable from absent (404). When user-service cannot
 * answer, the check fails (503) rather than guessing: visibility is never degraded.
 */
public final class PostGate {

    private final Users users;
    private final Relations relations;

    public PostGate(Users users, Relations relations) {
        this.users = users;
        this.relations = relations;
    }

    /** The viewer's relation to the author, asked now and answered when called; one's own posts need no question. */
    public Supplier<Relation> relationLater(UUID viewer, UUID author) {
        return viewer.equals(author) ? () -> Relation.NONE : relations.relationLater(viewer, author);
    }

    public boolean canSee(UUID viewer, PostRow post) {
        if (viewer.equals(post.authorId())) {
            return true;
        }
        boolean privateAccount = users.author(post.authorId()).map(Author::privateAccount).orElse(false);
        return Audience.sees(viewer, post.authorId(), Visibility.of(post.visibility()), privateAccount,
                relations.relation(viewer, post.authorId()));
    }

    /** The post if the viewer may see it, else 404. */
    public PostRow require(UUID viewer, PostRow post) {
        if (!canSee(viewer, post)) {
            throw DomainException.notFound("Post", post.id().toString());
        }
        return post;
    }

    /** The posts the viewer may see, in the given order; one relationship question per distinct other author. */
    public List<PostRow> visible(UUID viewer, List<PostRow> posts) {
        Set<UUID> others = new HashSet<>();
        for (PostRow post : posts) {
            if (!post.authorId().equals(viewer)) {
                others.add(post.authorId());
            }
        }
        if (others.isEmpty()) {
            return posts;
        }
        Map<UUID, Relation> related = relations.relations(viewer, others);
        Map<UUID, Author> authors = users.authors(others);
        return posts.stream()
                .filter(post -> Audience.sees(viewer, post.authorId(), Visibility.of(post.visibility()),
                        authors.containsKey(post.authorId()) && authors.get(post.authorId()).privateAccount(),
                        related.getOrDefault(post.authorId(), Relation.NONE)))
                .toList();
    }

    /** The viewer's relation to each of {@code others} (none asked when there are none). */
    public Map<UUID, Relation> relations(UUID viewer, Collection<UUID> others) {
        return others.isEmpty() ? Map.of() : relations.relations(viewer, others);
    }
}
