package io.nova.user.core;

import io.nova.kernel.paging.Keyset;
import io.nova.kernel.paging.Page;
import io.nova.kernel.paging.PageRequest;
import io.nova.user.api.UserProfile;
import io.nova.user.db.ProfileRow;
import io.nova.user.db.ProfileStore;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A page of edges — follows, follow requests — as items that show the other user's public profile. In two steps:
 * the rows on the caller's handle, then the avatar URLs after the database connection is back in the pool, so a slow
 * media-service holds no connection.
 */
final class EdgePages {

    /** A page of edges and the profiles of the users they lead to (a user deleted meanwhile is absent). */
    record Fetched(Page<Keyset> edges, Map<UUID, ProfileRow> users) {
    }

    private final ProfileStore profiles;
    private final Avatars avatars;

    EdgePages(ProfileStore profiles, Avatars avatars) {
        this.profiles = profiles;
        this.avatars = avatars;
    }

    /** {@code edges}: as many as {@link PageRequest#fetchSize()} asked for, so that the page knows if more follow. */
    Fetched fetch(Handle handle, List<Keyset> edges, PageRequest page) {
        Map<UUID, ProfileRow> users = profiles.findAll(handle, edges.stream().map(Keyset::id).toList())
                .stream().collect(Collectors.toMap(ProfileRow::id, Function.identity()));
        return new Fetched(Page.from(edges, page, Keyset::cursor), users);
    }

    /** The items: each edge's user as a public profile with its avatar URL, and the edge's time. */
    <T> Page<T> items(Fetched fetched, BiFunction<UserProfile, Instant, T> item) {
        Map<UUID, String> avatarUrls = avatars.urls(fetched.users().values().stream()
                .map(ProfileRow::avatarMediaId).toList());
        List<T> items = new ArrayList<>();
        for (Keyset edge : fetched.edges().items()) {
            ProfileRow user = fetched.users().get(edge.id());
            if (user != null) {
                items.add(item.apply(ProfileViews.profile(user, avatarUrls.get(user.avatarMediaId())), edge.at()));
            }
        }
        return new Page<>(items, fetched.edges().nextCursor());
    }
}
