package io.nova.user.core;

import io.nova.contracts.EventTypes;
import io.nova.contracts.Topics;
import io.nova.kernel.api.Ids;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.db.Compensated;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.events.Outbox;
import io.nova.kernel.paging.Cursor;
import io.nova.kernel.paging.Page;
import io.nova.kernel.paging.PageRequest;
import io.nova.user.api.OwnProfile;
import io.nova.user.api.UserProfile;
import io.nova.user.db.FollowRequestStore;
import io.nova.user.db.ProfileChange;
import io.nova.user.db.ProfileRow;
import io.nova.user.db.ProfileStore;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reading and editing profiles, and finding people. Someone who blocks the viewer does not exist for them. */
public final class ProfileService {

    public static final int SEARCH_QUERY_MAX = 50;

    private final Jdbi jdbi;
    private final ProfileStore profiles;
    private final FollowRequestStore requestStore;
    private final FollowRequestService requests;
    private final Outbox outbox;
    private final Avatars avatars;

    ProfileService(Jdbi jdbi, ProfileStore profiles, FollowRequestStore requestStore, FollowRequestService requests,
                   Outbox outbox, Avatars avatars) {
        this.jdbi = jdbi;
        this.profiles = profiles;
        this.requestStore = requestStore;
        this.requests = requests;
        this.outbox = outbox;
        this.avatars = avatars;
    }

    public OwnProfile own(UUID caller) {
        ProfileRow row = jdbi.withHandle(handle -> profiles.find(handle, caller))
                .orElseThrow(() -> DomainException.notFound("User", caller.toString()));
        return ProfileViews.own(row, avatars.url(row.avatarMediaId()).orElse(null));
    }

    /**
     * A new avatar is checked and claimed in media-service first: only the caller's own ready image will do. If the
     * profile then cannot be written, a claim this call took is given back. An account made public approves every
     * follow request waiting for it, in the same transaction (under the exclusive privacy lock, so that no request
     * being made at that moment is left behind).
     */
    public OwnProfile edit(NovaPrincipal principal, ProfileChange change) {
        UUID caller = principal.id();
        Optional<UUID> avatar = change.avatarMediaId() == null ? Optional.empty() : change.avatarMediaId();
        boolean claimed = avatar.isPresent() && avatars.claim(principal, avatar.get());
        Runnable undo = claimed ? () -> avatars.release(principal, avatar.get()) : () -> { };
        record Edited(OwnProfile profile, FollowRequestService.Approved approved) {
        }
        Edited edited = Compensated.inTransaction(jdbi, handle -> {
            if (change.privateAccount() != null) {
                requestStore.lockPrivacy(handle, caller, true);
            }
            // Before the account's row is written: approving locks the counters' rows in id order, this one's too.
            FollowRequestService.Approved approved = Boolean.FALSE.equals(change.privateAccount())
                    ? requests.approveAll(handle, caller) : new FollowRequestService.Approved(List.of(), false);
            ProfileRow row = profiles.update(handle, caller, change)
                    .orElseThrow(() -> DomainException.notFound("User", caller.toString()));
            outbox.append(handle, Topics.USER_EVENTS, EventTypes.USER_UPDATED, row.id().toString(),
                    ProfileViews.updated(row));
            return new Edited(ProfileViews.own(row, avatars.url(row.avatarMediaId()).orElse(null)), approved);
        }, undo);
        requests.approvedAll(caller, edited.approved());
        return edited.profile();
    }

    public UserProfile byId(UUID viewer, String id) {
        UUID target = Ids.inPath("User", id);
        return visible(viewer, jdbi.withHandle(handle -> profiles.findSeenBy(handle, target, viewer)), id);
    }

    public UserProfile byUsername(UUID viewer, String username) {
        if (username == null || username.isBlank()) {
            throw DomainException.invalid("missing_parameter", "Query parameter username is required");
        }
        return visible(viewer, jdbi.withHandle(handle -> profiles.findSeenByUsername(handle, username.strip(),
                viewer)), username);
    }

    public Page<UserProfile> search(UUID viewer, String query, PageRequest page) {
        if (query == null || query.isBlank()) {
            throw DomainException.invalid("missing_parameter", "Query parameter q is required");
        }
        String prefix = query.strip();
        if (prefix.codePointCount(0, prefix.length()) > SEARCH_QUERY_MAX) {
            throw DomainException.invalid("query_too_long", "q must be at most " + SEARCH_QUERY_MAX + " characters");
        }
        Optional<ProfileStore.SearchPosition> after = page.cursor().map(cursor ->
                new ProfileStore.SearchPosition(cursor.part(0), Ids.parse(cursor.part(1))
                        .orElseThrow(() -> DomainException.invalid("invalid_cursor",
                                "The cursor is not one this API returned"))));
        Page<ProfileRow> rows = Page.from(jdbi.withHandle(handle -> profiles.searchByPrefix(handle, prefix, viewer,
                        after, page.fetchSize())), page,
                row -> Cursor.of(row.username().toLowerCase(java.util.Locale.ROOT), row.id().toString()));
        return new Page<>(views(rows.items()), rows.nextCursor());
    }

    /** A profile the viewer may not see ({@link Audience#maySeeProfile}) is as absent as an unknown one. */
    private UserProfile visible(UUID viewer, Optional<ProfileStore.Sighting> found, String asked) {
        return found.filter(seen -> Audience.maySeeProfile(viewer, seen.profile().id(), seen.blocksViewer()))
                .map(seen -> ProfileViews.profile(seen.profile(),
                        avatars.url(seen.profile().avatarMediaId()).orElse(null)))
                .orElseThrow(() -> DomainException.notFound("User", asked));
    }

    /** Public views of rows, with their avatar URLs fetched in one call. */
    List<UserProfile> views(List<ProfileRow> rows) {
        Map<UUID, String> urls = avatars.urls(rows.stream().map(ProfileRow::avatarMediaId).toList());
        return rows.stream().map(row -> ProfileViews.profile(row, urls.get(row.avatarMediaId()))).toList();
    }
}
