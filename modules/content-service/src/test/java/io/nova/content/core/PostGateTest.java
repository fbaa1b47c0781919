package io.nova.content.core;

import io.nova.clients.posts.AuthorView;
import io.nova.content.db.PostRow;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.ErrorKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link PostGate} over in-memory users and relations: what it asks, and what it lets through. */
class PostGateTest {

    private final UUID viewer = UUID.randomUUID();
    private final UUID open = UUID.randomUUID();
    private final UUID closed = UUID.randomUUID();
    private final UUID followed = UUID.randomUUID();
    private final UUID blocker = UUID.randomUUID();
    private final UUID unknown = UUID.randomUUID();

    private final Map<UUID, Author> authors = new HashMap<>();
    private final Map<UUID, Relation> related = new HashMap<>();
    private final List<UUID> asked = new ArrayList<>();
    private final PostGate gate;

    PostGateTest() {
        authors.put(open, author(open, false));
        authors.put(closed, author(closed, true));
        authors.put(followed, author(followed, true));
        authors.put(blocker, author(blocker, false));
        related.put(followed, new Relation(true, false, false));
        related.put(blocker, new Relation(false, false, true));
        Users users = new Users() {
            @Override
            public Map<UUID, Author> authors(Collection<UUID> ids) {
                Map<UUID, Author> found = new HashMap<>();
                ids.stream().filter(authors::containsKey).forEach(id -> found.put(id, authors.get(id)));
                return found;
            }

            @Override
            public Map<String, AuthorView> byUsername(Collection<String> usernames) {
                return Map.of();
            }
        };
        Relations relations = new Relations() {
            @Override
            public Supplier<Relation> relationLater(UUID from, UUID other) {
                asked.add(other);
                return () -> related.getOrDefault(other, Relation.NONE);
            }

            @Override
            public Map<UUID, Relation> relations(UUID from, Collection<UUID> others) {
                asked.addAll(others);
                Map<UUID, Relation> answer = new HashMap<>();
                others.forEach(other -> answer.put(other, related.getOrDefault(other, Relation.NONE)));
                return answer;
            }
        };
        gate = new PostGate(users, relations);
    }

    private static Author author(UUID id, boolean privateAccount) {
        return new Author(new AuthorView(id.toString(), "u" + id.toString().substring(0, 8), null, null),
                privateAccount);
    }

    private static PostRow post(UUID author, String visibility) {
        return new PostRow(UUID.randomUUID(), author, "text", List.of(), visibility, null, List.of(), List.of(),
                0, 0, false, false, Instant.now(), null);
    }

    @Test
    void aPageKeepsItsOrderAndLeavesOutWhatTheViewerMayNotSee() {
        PostRow openPublic = post(open, "public");
        PostRow openFollowers = post(open, "followers");
        PostRow closedPublic = post(closed, "public");
        PostRow followedFollowers = post(followed, "followers");
        PostRow blockers = post(blocker, "public");
        PostRow unknownAuthors = post(unknown, "public");
        PostRow own = post(viewer, "followers");
        List<PostRow> page = List.of(followedFollowers, openFollowers, own, blockers, openPublic, closedPublic,
                unknownAuthors);

        // An author user-service no longer knows is not private: their public posts stay visible.
        assertThat(gate.visible(viewer, page)).containsExactly(followedFollowers, own, openPublic, unknownAuthors);
        assertThat(asked).doesNotContain(viewer).containsExactlyInAnyOrder(followed, open, blocker, closed, unknown);
    }

    @Test
    void ownPostsNeedNoQuestion() {
        List<PostRow> mine = List.of(post(viewer, "followers"), post(viewer, "public"));
        assertThat(gate.visible(viewer, mine)).isEqualTo(mine);
        assertThat(gate.canSee(viewer, mine.get(0))).isTrue();
        assertThat(gate.relationLater(viewer, viewer).get()).isEqualTo(Relation.NONE);
        assertThat(gate.relations(viewer, List.of())).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void anInvisiblePostIsA404LikeAnAbsentOne() {
        PostRow hidden = post(closed, "public");
        assertThatThrownBy(() -> gate.require(viewer, hidden))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("Post " + hidden.id() + " does not exist");
                });
        assertThatThrownBy(() -> gate.require(viewer, post(blocker, "public")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(404));
        PostRow shown = post(followed, "followers");
        assertThat(gate.require(viewer, shown)).isSameAs(shown);
    }
}
