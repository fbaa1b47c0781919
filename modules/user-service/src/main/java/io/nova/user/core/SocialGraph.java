package io.nova.user.core;

import io.nova.contracts.RelationshipVersions;
import io.nova.kernel.events.Outbox;
import io.nova.user.core.feed.WideAuthors;
import io.nova.user.db.FollowRequestStore;
import io.nova.user.db.GraphStore;
import io.nova.user.db.ProfileStore;
import org.jdbi.v3.core.Jdbi;

/**
 * The services over the social graph, built together because they share how a change is written
 * ({@link GraphWrites}) and how a list of users is shown ({@link EdgePages}).
 */
public record SocialGraph(GraphService graph, FollowRequestService requests, ProfileService profiles) {

    public static SocialGraph create(Jdbi jdbi, ProfileStore profileStore, GraphStore graphStore, Outbox outbox,
                                     Avatars avatars, RelationshipVersions versions, WideAuthors wideAuthors) {
        FollowRequestStore requestStore = new FollowRequestStore();
        GraphWrites writes = new GraphWrites(profileStore, graphStore, requestStore, outbox, versions, wideAuthors);
        EdgePages pages = new EdgePages(profileStore, avatars);
        FollowRequestService requests = new FollowRequestService(jdbi, requestStore, graphStore, writes, pages);
        return new SocialGraph(
                new GraphService(jdbi, profileStore, graphStore, requestStore, outbox, writes, pages),
                requests,
                new ProfileService(jdbi, profileStore, requestStore, requests, outbox, avatars));
    }
}
