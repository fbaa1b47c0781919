package io.nova.user.core.discovery;

import io.nova.kernel.errors.DomainException;
import io.nova.kernel.api.Ids;
import io.nova.kernel.paging.Cursor;
import io.nova.kernel.paging.Page;
import io.nova.kernel.paging.PageRequest;
import io.nova.user.api.SuggestedUser;
import io.nova.user.core.Avatars;
import io.nova.user.core.ProfileViews;
import io.nova.user.db.ProfileRow;
import io.nova.user.db.ProfileStore;
import io.nova.user.db.SuggestionStore;
import io.nova.user.db.SuggestionStore.Suggestion;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /discover/users}: friends of friends first (by how many of the caller's follows follow them, then by
 * followers), then — so that someone who follows nobody yet gets suggestions too — the most-followed public
 * accounts. One list, keyset-paged across both parts: the cursor holds (mutual follows, followers, id), and a
 * mutual count of 0 means the second part.
 */
public final class Suggestions {

    private final Jdbi jdbi;
    private final SuggestionStore store;
    private final ProfileStore profiles;
    private final Avatars avatars;

    public Suggestions(Jdbi jdbi, SuggestionStore store, ProfileStore profiles, Avatars avatars) {
        this.jdbi = jdbi;
        this.store = store;
        this.profiles = profiles;
        this.avatars = avatars;
    }

    public Page<SuggestedUser> suggest(UUID viewer, PageRequest page) {
        Optional<Suggestion> after = page.cursor().map(Suggestions::position);
        record Fetched(Page<Suggestion> page, Map<UUID, ProfileRow> users) {
        }
        Fetched fetched = jdbi.withHandle(handle -> {
            List<Suggestion> found = new ArrayList<>();
            boolean inFriendsOfFriends = after.map(a -> a.mutual() > 0).orElse(true);
            if (inFriendsOfFriends) {
                found.addAll(store.friendsOfFriends(handle, viewer, after, page.fetchSize()));
            }
            if (found.size() < page.fetchSize()) {
                found.addAll(store.popular(handle, viewer, inFriendsOfFriends ? Optional.empty() : after,
                        page.fetchSize() - found.size()));
            }
            Map<UUID, ProfileRow> users = profiles.findAll(handle, found.stream().map(Suggestion::userId).toList())
                    .stream().collect(Collectors.toMap(ProfileRow::id, Function.identity()));
            return new Fetched(Page.from(found, page, Suggestions::cursor), users);
        });
        // Avatar URLs once the connection is back in the pool: a slow media-service holds no connection.
        Map<UUID, String> urls = avatars.urls(fetched.users().values().stream().map(ProfileRow::avatarMediaId)
                .toList());
        List<SuggestedUser> items = new ArrayList<>();
        for (Suggestion suggestion : fetched.page().items()) {
            ProfileRow user = fetched.users().get(suggestion.userId());
            if (user != null) {
                items.add(new SuggestedUser(ProfileViews.profile(user, urls.get(user.avatarMediaId())),
                        suggestion.mutual()));
            }
        }
        return new Page<>(items, fetched.page().nextCursor());
    }

    private static Cursor cursor(Suggestion last) {
        return Cursor.of(String.valueOf(last.mutual()), String.valueOf(last.followers()), last.userId().toString());
    }

    private static Suggestion position(Cursor cursor) {
        long mutual = cursor.longPart(0);
        long followers = cursor.longPart(1);
        UUID id = Ids.parse(cursor.part(2)).orElse(null);
        if (id == null || mutual < 0 || followers < 0) {
            throw DomainException.invalid("invalid_cursor", "The cursor is not one this API returned");
        }
        return new Suggestion(id, mutual, followers);
    }
}
