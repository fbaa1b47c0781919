package io.nova.content.core;

import io.nova.clients.posts.AuthorView;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The users content-service shows and checks (user-service's, reached through an implementation in clients). */
public interface Users {

    /** Those of {@code ids} that are known users; unknown ids are absent. */
    Map<UUID, Author> authors(Collection<UUID> ids);

    /** Users by username (case-insensitive): lower-cased name → (id, username as registered). */
    Map<String, AuthorView> byUsername(Collection<String> usernames);

    /** What posts show of those users that are known. */
    default Map<UUID, AuthorView> views(Collection<UUID> ids) {
        Map<UUID, AuthorView> views = new HashMap<>();
        authors(ids).forEach((id, author) -> views.put(id, author.view()));
        return views;
    }

    default Optional<Author> author(UUID id) {
        return Optional.ofNullable(authors(List.of(id)).get(id));
    }
}
