package io.nova.content.core;

import io.nova.content.db.PostRow;
import io.nova.content.grpc.Author;
import io.nova.content.grpc.UserDirectory;
import io.nova.kernel.errors.DomainException;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Who sees which post. The author always sees their own; nobody sees the posts of someone who blocks them or
 * whom they block; followers-only posts, and every post of a private account, are for followers. Invisible is
 * indistinguishable from absent (404).
 */
public final class Audience {

    private final UserDirectory users;

    public Audience(UserDirectory users) {
        this.users = users;
    }

    public static boolean sees(UUID viewer, UUID author, Visibility visibility, boolean privateAccount,
                               Relation relation) {
        if (viewer.equals(author)) {
            return true;
        }
        if (relation.blockedEitherWay()) {
            return false;
        }
        return (visibility == Visibility.PUBLIC && !privateAccount) || relation.following();
    }

    /** The viewer's relation to the author; the viewer's own posts need no question. */
    public Relation relation(UUID viewer, UUID author) {
        return viewer.equals(author) ? Relation.NONE : users.relation(viewer, author);
    }

    /** {@link #relation}, asked now and answered when called. */
    public Supplier<Relation> relationLater(UUID viewer, UUID author) {
        return viewer.equals(author) ? () -> Relation.NONE : users.relationLater(viewer, author);
    }

    public boolean canSee(UUID viewer, PostRow post) {
        if (viewer.equals(post.authorId())) {
            return true;
        }
        boolean privateAccount = users.author(post.authorId()).map(Author::privateAccount).orElse(false);
        return sees(viewer, post.authorId(), Visibility.of(post.visibility()), privateAccount,
                relation(viewer, post.authorId()));
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
        Map<UUID, Relation> relations = users.relations(viewer, others);
        Map<UUID, Author> authors = users.summaries(others);
        return posts.stream()
                .filter(post -> sees(viewer, post.authorId(), Visibility.of(post.visibility()),
                        authors.containsKey(post.authorId()) && authors.get(post.authorId()).privateAccount(),
                        relations.getOrDefault(post.authorId(), Relation.NONE)))
                .toList();
    }

    public Map<UUID, Relation> relations(UUID viewer, Collection<UUID> others) {
        return users.relations(viewer, others);
    }
}
