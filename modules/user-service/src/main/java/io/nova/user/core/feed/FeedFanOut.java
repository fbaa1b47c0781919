package io.nova.user.core.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.contracts.EventTypes;
import io.nova.contracts.OwnPostMarks;
import io.nova.kernel.api.Ids;
import io.nova.kernel.events.EventEnvelope;
import io.nova.kernel.events.IdempotentEventHandler;
import io.nova.user.core.PostCatalog;
import io.nova.user.db.FeedStore;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps the home timelines in step with content-service's post events and user-service's own graph events. Every
 * effect is a sorted-set add or remove, so handling an event twice changes nothing: the kernel hands whole polls
 * with no processed-event record. Recipients are read from the follow table when the event is handled, so a
 * replayed {@code post.created} never reaches someone who has unfollowed since.
 * <ul>
 *   <li>post.created → the author's own timeline and each follower's (unless the author has more than
 *   {@code maxFollowers}: merged in at read time instead); only timelines that are kept receive it. Then the
 *   author's {@link OwnPostMarks} mark for it is cleared.</li>
 *   <li>post.deleted → removed from the same timelines.</li>
 *   <li>user.followed → the followed author's recent posts backfilled into the follower's timeline.</li>
 *   <li>user.unfollowed → the author's posts removed from the former follower's timeline.</li>
 *   <li>user.blocked → each one's posts removed from the other's timeline.</li>
 * </ul>
 * post.updated needs nothing: a timeline holds a post only for its author's followers, who may see it whatever its
 * visibility; what a viewer may see is applied again by content-service at every read.
 */
public final class FeedFanOut implements IdempotentEventHandler {

    private final Jdbi jdbi;
    private final FeedStore store;
    private final Timelines timelines;
    private final PostCatalog catalog;
    private final int maxFollowers;
    private final OwnPostMarks ownPosts;

    public FeedFanOut(Jdbi jdbi, FeedStore store, Timelines timelines, PostCatalog catalog, int maxFollowers,
                      OwnPostMarks ownPosts) {
        this.jdbi = jdbi;
        this.store = store;
        this.timelines = timelines;
        this.catalog = catalog;
        this.maxFollowers = maxFollowers;
        this.ownPosts = ownPosts;
    }

    @Override
    public void handle(List<EventEnvelope> events) {
        for (EventEnvelope event : events) {
            JsonNode data = event.payload();
            switch (event.type()) {
                case EventTypes.POST_CREATED -> id(data, "post_id").ifPresent(post -> id(data, "author_id")
                        .ifPresent(author -> created(post, author, Instant.parse(data.path("created_at").asText()))));
                case EventTypes.POST_DELETED -> id(data, "post_id").ifPresent(post -> id(data, "author_id")
                        .ifPresent(author -> timelines.remove(recipients(author, true), post, author)));
                case EventTypes.USER_FOLLOWED -> id(data, "follower_id").ifPresent(follower ->
                        id(data, "followee_id").ifPresent(author -> followed(follower, author)));
                case EventTypes.USER_UNFOLLOWED -> id(data, "follower_id").ifPresent(follower ->
                        id(data, "followee_id").ifPresent(author -> timelines.removeAuthor(follower, author)));
                case EventTypes.USER_BLOCKED -> id(data, "blocker_id").ifPresent(blocker ->
                        id(data, "blocked_id").ifPresent(blocked -> {
                            timelines.removeAuthor(blocker, blocked);
                            timelines.removeAuthor(blocked, blocker);
                        }));
                default -> {
                }
            }
        }
    }

    /** Then the author's feed no longer needs to read this post from content-service (read-your-writes). */
    private void created(UUID post, UUID author, Instant createdAt) {
        timelines.add(recipients(author, false), List.of(FeedEntry.of(post, author, createdAt)));
        ownPosts.clear(author, post);
    }

    /**
     * The author and, unless they are followed too widely to push to, their followers. A removal goes to every
     * follower whatever the count ({@code all}): the post may have been pushed before the author grew.
     */
    private List<UUID> recipients(UUID author, boolean all) {
        List<UUID> recipients = new ArrayList<>();
        recipients.add(author);
        recipients.addAll(jdbi.inTransaction(handle ->
                all || FeedRules.fansOut(store.followersCount(handle, author), maxFollowers)
                        ? store.followers(handle, author) : List.<UUID>of()));
        return recipients;
    }

    /** Backfill, only while the follow still stands (a replayed event after an unfollow adds nothing). */
    private void followed(UUID follower, UUID author) {
        if (!jdbi.withHandle(handle -> store.follows(handle, follower, author))) {
            return;
        }
        List<FeedEntry> recent = catalog.recentPostIds(author, null, timelines.size()).stream()
                .map(ref -> FeedEntry.of(ref.id(), ref.authorId(), ref.createdAt())).toList();
        timelines.add(List.of(follower), recent);
    }

    private static Optional<UUID> id(JsonNode data, String field) {
        return Ids.parse(data.path(field).asText(""));
    }
}
