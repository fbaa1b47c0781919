package io.nova.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nova.contracts.EventTypes;
import io.nova.kernel.events.EventEnvelope;
import io.nova.kernel.paging.PageRequest;
import io.nova.testing.ApiClient;
import io.nova.user.core.discovery.DiscoveryConsumer;
import io.nova.user.core.discovery.Trending;
import io.nova.user.core.discovery.TrendingRules;
import io.nova.user.db.DiscoveryStore;
import io.nova.user.db.TrendingStore;
import io.nova.user.db.TrendingStore.ScoredPost;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discovery against the real user-service and its PostgreSQL: the ranking on constructed content events (chosen
 * times, so decay is visible) applied by the real consumer, exclusions, replays, paging, who to follow over the
 * real follow and block endpoints, trending tags, and bad input. The ranking end to end with the real
 * content-service and Kafka is in system-tests (DiscoveryEndToEndTest).
 */
class DiscoveryApiTest extends RunningUserService {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final TrendingRules rules = new TrendingRules(1, 3, Duration.ofHours(6), Duration.ofHours(72), 2);

    private Jdbi jdbi;
    private DiscoveryConsumer consumer;
    private Trending trending;

    @BeforeAll
    void tools() {
        jdbi = Jdbi.create(platform.jdbcUrl(), platform.dbUser(), platform.dbPassword());
        consumer = new DiscoveryConsumer(jdbi, new DiscoveryStore());
        trending = new Trending(jdbi, new TrendingStore(), rules, Duration.ofHours(24), Duration.ofHours(1),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    // ---- trending posts: the ranking, from constructed events ----

    @Test
    void postsRankByDecayedEngagementAndNeedTheMinimum() {
        TestUsers.User viewer = users.register();
        TestUsers.User author = users.register();
        UUID fresh = post(author, "public", hoursAgo(30));
        UUID stale = post(author, "public", hoursAgo(30));
        UUID lonely = post(author, "public", hoursAgo(1));
        List<EventEnvelope> events = new ArrayList<>();
        // fresh: a like and a comment within the last hour; stale: four likes a day ago; lonely: one like only.
        events.add(like(fresh, author, UUID.randomUUID(), minutesAgo(30)));
        events.add(comment(fresh, author, UUID.randomUUID(), minutesAgo(10)));
        for (int i = 0; i < 4; i++) {
            events.add(like(stale, author, UUID.randomUUID(), hoursAgo(24)));
        }
        events.add(like(lonely, author, UUID.randomUUID(), minutesAgo(1)));
        consumer.handle(events);

        List<ScoredPost> ranked = rank(viewer, Set.of(fresh, stale, lonely));
        assertThat(ranked).extracting(ScoredPost::postId).containsExactly(fresh, stale);
        long expectedFresh = rules.contribution(TrendingRules.Kind.LIKE, minutesAgo(30), NOW)
                + rules.contribution(TrendingRules.Kind.COMMENT, minutesAgo(10), NOW);
        assertThat(ranked.get(0).score()).isBetween(expectedFresh - 2, expectedFresh + 2);
        long expectedStale = 4 * rules.contribution(TrendingRules.Kind.LIKE, hoursAgo(24), NOW);
        assertThat(ranked.get(1).score()).isBetween(expectedStale - 4, expectedStale + 4);
    }

    @Test
    void unlikesAndDeletedCommentsTakeTheirContributionBackAndTheAuthorsOwnNeverCounts() {
        TestUsers.User viewer = users.register();
        TestUsers.User author = users.register();
        UUID post = post(author, "public", hoursAgo(2));
        UUID liker = UUID.randomUUID();
        UUID commentId = UUID.randomUUID();
        consumer.handle(List.of(like(post, author, liker, minutesAgo(50)),
                like(post, author, UUID.randomUUID(), minutesAgo(40)),
                comment(post, author, commentId, minutesAgo(30)),
                // The author's own like and comment: not counted.
                event(EventTypes.POST_LIKED, minutesAgo(20), Map.of("post_id", post.toString(),
                        "author_id", author.id(), "user_id", author.id())),
                event(EventTypes.COMMENT_CREATED, minutesAgo(20), Map.of("post_id", post.toString(),
                        "comment_id", UUID.randomUUID().toString(), "post_author_id", author.id(),
                        "author_id", author.id()))));
        long before = score(viewer, post);
        long expected = rules.contribution(TrendingRules.Kind.LIKE, minutesAgo(50), NOW)
                + rules.contribution(TrendingRules.Kind.LIKE, minutesAgo(40), NOW)
                + rules.contribution(TrendingRules.Kind.COMMENT, minutesAgo(30), NOW);
        assertThat(before).isBetween(expected - 3, expected + 3);

        consumer.handle(List.of(event(EventTypes.POST_UNLIKED, minutesAgo(5), Map.of("post_id", post.toString(),
                        "author_id", author.id(), "user_id", liker.toString())),
                event(EventTypes.COMMENT_DELETED, minutesAgo(5), Map.of("post_id", post.toString(),
                        "comment_id", commentId.toString(), "author_id", UUID.randomUUID().toString()))));
        // One like is left: under the minimum of two, so the post is no longer ranked at all.
        assertThat(rank(viewer, Set.of(post))).isEmpty();
    }

    @Test
    void replayingEveryEventLeavesTheSameScores() {
        TestUsers.User viewer = users.register();
        TestUsers.User author = users.register();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID liker = UUID.randomUUID();
        List<EventEnvelope> history = List.of(
                created(first, author, "public", hoursAgo(5), List.of("cats")),
                created(second, author, "public", hoursAgo(5), List.of()),
                like(first, author, liker, hoursAgo(4)),
                like(first, author, UUID.randomUUID(), hoursAgo(3)),
                comment(second, author, UUID.randomUUID(), hoursAgo(2)),
                comment(second, author, UUID.randomUUID(), hoursAgo(2)),
                event(EventTypes.POST_UNLIKED, hoursAgo(1), Map.of("post_id", first.toString(),
                        "author_id", author.id(), "user_id", liker.toString())),
                like(first, author, UUID.randomUUID(), minutesAgo(30)));
        consumer.handle(history);
        List<ScoredPost> once = rank(viewer, Set.of(first, second));
        assertThat(once).hasSize(2);

        consumer.handle(history);
        consumer.handle(history.subList(2, history.size()));
        assertThat(rank(viewer, Set.of(first, second))).isEqualTo(once);
    }

    @Test
    void followersOnlyDeletedPrivateBlockedAndOwnPostsAreNeverTrending() {
        TestUsers.User viewer = users.register();
        TestUsers.User author = users.register();
        TestUsers.User blockedByViewer = users.register();
        TestUsers.User blockingViewer = users.register();
        TestUsers.User privateAuthor = users.register();
        UUID visible = engaged(post(author, "public", hoursAgo(1)), author);
        UUID followersOnly = engaged(post(author, "followers", hoursAgo(1)), author);
        UUID madeFollowersOnly = engaged(post(author, "public", hoursAgo(1)), author);
        UUID deleted = engaged(post(author, "public", hoursAgo(1)), author);
        UUID ofBlocked = engaged(post(blockedByViewer, "public", hoursAgo(1)), blockedByViewer);
        UUID ofBlocker = engaged(post(blockingViewer, "public", hoursAgo(1)), blockingViewer);
        UUID ofPrivate = engaged(post(privateAuthor, "public", hoursAgo(1)), privateAuthor);
        UUID own = engaged(post(viewer, "public", hoursAgo(1)), viewer);
        consumer.handle(List.of(
                event(EventTypes.POST_UPDATED, minutesAgo(20), Map.of("post_id", madeFollowersOnly.toString(),
                        "author_id", author.id(), "visibility", "followers")),
                event(EventTypes.POST_DELETED, minutesAgo(20), Map.of("post_id", deleted.toString(),
                        "author_id", author.id()))));
        // A replayed post.created cannot bring the deleted post back, nor undo the later visibility change.
        consumer.handle(List.of(created(deleted, author, "public", hoursAgo(1), List.of()),
                created(madeFollowersOnly, author, "public", hoursAgo(1), List.of())));
        assertThat(send("PUT", "/api/v1/relationships/blocks/" + blockedByViewer.id(), viewer).statusCode())
                .isEqualTo(200);
        assertThat(send("PUT", "/api/v1/relationships/blocks/" + viewer.id(), blockingViewer).statusCode())
                .isEqualTo(200);
        assertThat(http.send("PATCH", "/api/v1/users/me", privateAuthor.token(), "{\"private_account\":true}",
                "Content-Type", "application/json").statusCode()).isEqualTo(200);

        Set<UUID> all = Set.of(visible, followersOnly, madeFollowersOnly, deleted, ofBlocked, ofBlocker, ofPrivate,
                own);
        assertThat(rank(viewer, all)).extracting(ScoredPost::postId).containsExactly(visible);
        // Someone else, blocked by nobody, sees the blocked pair's posts but still not the others.
        TestUsers.User stranger = users.register();
        assertThat(rank(stranger, all)).extracting(ScoredPost::postId)
                .containsExactlyInAnyOrder(visible, ofBlocked, ofBlocker, own);
    }

    @Test
    void pagesOfOneRankingHaveNoDuplicatesAndNoGapsWhileEngagementArrives() {
        TestUsers.User viewer = users.register();
        TestUsers.User author = users.register();
        List<UUID> posts = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            posts.add(engaged(post(author, "public", hoursAgo(3)), author));
        }
        UUID burst = rankIds(viewer, Set.copyOf(posts), NOW).get(posts.size() - 1);
        Set<UUID> seen = new HashSet<>();
        List<UUID> order = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Trending.RankedPage page = trending.posts(UUID.fromString(viewer.id()), PageRequest.of(2, cursor));
            for (ScoredPost scored : page.posts()) {
                if (posts.contains(scored.postId())) {
                    assertThat(seen.add(scored.postId())).as("no duplicates").isTrue();
                    order.add(scored.postId());
                }
            }
            // Between pages, one of our posts gets a burst of comments (after the ranking's moment, as in life):
            // the ranking being paged is the one of its first page, so this moves nothing.
            consumer.handle(List.of(comment(burst, author, UUID.randomUUID(), NOW.plusSeconds(1)),
                    comment(burst, author, UUID.randomUUID(), NOW.plusSeconds(1))));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 100);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(posts);
        assertThat(order).isEqualTo(rankIds(viewer, Set.copyOf(posts), NOW));
        assertThat(order.get(order.size() - 1)).isEqualTo(burst);
        // A new ranking, taken after the burst, does put that post first.
        Trending later = new Trending(jdbi, new TrendingStore(), rules, Duration.ofHours(24), Duration.ofHours(1),
                Clock.fixed(NOW.plusSeconds(2), ZoneOffset.UTC));
        List<UUID> fresh = new ArrayList<>();
        String cursor2 = null;
        do {
            Trending.RankedPage page = later.posts(UUID.fromString(viewer.id()), PageRequest.of(100, cursor2));
            page.posts().stream().map(ScoredPost::postId).filter(posts::contains).forEach(fresh::add);
            cursor2 = page.nextCursor();
        } while (cursor2 != null);
        assertThat(fresh.get(0)).isEqualTo(burst);
    }

    // ---- who to follow ----

    @Test
    void whoToFollowRanksFriendsOfFriendsByMutualFollowsThenFollowersAndExcludesTheRest() {
        TestUsers.User me = users.register();
        TestUsers.User a = users.register();
        TestUsers.User b = users.register();
        TestUsers.User popular = users.register();
        TestUsers.User niche = users.register();
        TestUsers.User alsoNiche = users.register();
        TestUsers.User iBlock = users.register();
        TestUsers.User blocksMe = users.register();
        TestUsers.User fan = users.register();
        follow(me, a);
        follow(me, b);
        follow(a, popular);
        follow(b, popular);
        follow(a, niche);
        follow(a, alsoNiche);
        follow(fan, alsoNiche);       // alsoNiche: one mutual like niche, but more followers
        follow(a, me);                // myself: never
        follow(a, iBlock);
        follow(a, blocksMe);
        follow(b, a);                 // a: I follow already: never
        TestUsers.User asked = users.register();
        follow(a, asked);             // asked: a private account I asked to follow: never
        assertThat(http.send("PATCH", "/api/v1/users/me", asked.token(), "{\"private_account\":true}",
                "Content-Type", "application/json").statusCode()).isEqualTo(200);
        follow(me, asked);
        send("PUT", "/api/v1/relationships/blocks/" + iBlock.id(), me);
        send("PUT", "/api/v1/relationships/blocks/" + me.id(), blocksMe);

        JsonNode page = ok(http.get("/api/v1/discover/users?limit=3", me.token()));
        assertThat(ids(page)).containsExactly(popular.id(), alsoNiche.id(), niche.id());
        assertThat(page.path("items").get(0).path("mutual_follows").asLong()).isEqualTo(2);
        assertThat(page.path("items").get(0).path("user").path("username").asText()).isEqualTo(popular.username());
        assertThat(page.path("items").get(0).path("user").has("email")).isFalse();

        // The next page continues with the most-followed public accounts nobody I follow follows.
        List<String> rest = new ArrayList<>();
        String cursor = page.path("next_cursor").asText(null);
        while (cursor != null) {
            JsonNode next = ok(http.get("/api/v1/discover/users?limit=3&cursor=" + cursor, me.token()));
            rest.addAll(ids(next));
            next.path("items").forEach(item -> assertThat(item.path("mutual_follows").asLong()).isZero());
            cursor = next.path("next_cursor").asText(null);
        }
        assertThat(rest).contains(fan.id()).doesNotContain(me.id(), a.id(), b.id(), iBlock.id(), blocksMe.id(),
                popular.id(), niche.id(), alsoNiche.id(), asked.id());
        assertThat(rest).doesNotHaveDuplicates();
    }

    @Test
    void someoneWhoFollowsNobodyGetsTheMostFollowedPublicAccounts() {
        TestUsers.User newcomer = users.register();
        TestUsers.User star = users.register();
        TestUsers.User hidden = users.register();
        for (int i = 0; i < 3; i++) {
            TestUsers.User f = users.register();
            follow(f, star);
            follow(f, hidden);
        }
        http.send("PATCH", "/api/v1/users/me", hidden.token(), "{\"private_account\":true}",
                "Content-Type", "application/json");
        JsonNode page = ok(http.get("/api/v1/discover/users?limit=100", newcomer.token()));
        List<String> ids = ids(page);
        assertThat(ids).contains(star.id()).doesNotContain(hidden.id(), newcomer.id());
        // Most followed first.
        long previous = Long.MAX_VALUE;
        for (JsonNode item : page.path("items")) {
            long followers = item.path("user").path("followers_count").asLong();
            assertThat(followers).isLessThanOrEqualTo(previous);
            previous = followers;
        }
    }

    // ---- trending tags ----

    @Test
    void trendingTagsCountRecentLivePublicPosts() {
        TestUsers.User author = users.register();
        String hot = "hot" + TestUsers.unique();
        String warm = "warm" + TestUsers.unique();
        String old = "old" + TestUsers.unique();
        UUID gone = UUID.randomUUID();
        consumer.handle(List.of(
                created(UUID.randomUUID(), author, "public", minutesAgo(10), List.of(hot, warm)),
                created(UUID.randomUUID(), author, "public", minutesAgo(20), List.of(hot)),
                created(UUID.randomUUID(), author, "public", minutesAgo(30), List.of(hot)),
                created(UUID.randomUUID(), author, "followers", minutesAgo(30), List.of(warm, warm + "x")),
                created(UUID.randomUUID(), author, "public", hoursAgo(30), List.of(old)),
                created(gone, author, "public", minutesAgo(5), List.of(warm)),
                event(EventTypes.POST_DELETED, minutesAgo(1), Map.of("post_id", gone.toString(),
                        "author_id", author.id()))));
        JsonNode tags = ok(http.get("/api/v1/discover/tags?limit=100", author.token()));
        Map<String, Long> counts = new java.util.HashMap<>();
        tags.path("items").forEach(t -> counts.put(t.path("tag").asText(), t.path("posts").asLong()));
        assertThat(counts).containsEntry(hot, 3L).containsEntry(warm, 1L)
                .doesNotContainKeys(old, warm + "x");
        assertThat(tags.path("next_cursor").isNull()).isTrue();
    }

    // ---- bad input ----

    @Test
    void everyDiscoverEndpointNeedsAToken() {
        for (String path : List.of("/api/v1/discover/posts", "/api/v1/discover/users", "/api/v1/discover/tags")) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(ApiClient.json(response).path("error").asText()).isNotBlank();
        }
    }

    @Test
    void badCursorsAndLimitsAre400() {
        TestUsers.User viewer = users.register();
        for (String path : List.of("/api/v1/discover/posts", "/api/v1/discover/users", "/api/v1/discover/tags")) {
            for (String query : List.of("?cursor=garbage", "?cursor=djEfMQ", "?limit=abc", "?limit=1e3")) {
                HttpResponse<String> response = http.get(path + query, viewer.token());
                assertThat(response.statusCode()).as(path + query).isEqualTo(400);
            }
        }
        // A cursor of one list is not one of another.
        String usersCursor = ok(http.get("/api/v1/discover/users?limit=1", viewer.token()))
                .path("next_cursor").asText();
        HttpResponse<String> crossed = http.get("/api/v1/discover/posts?cursor=" + usersCursor, viewer.token());
        assertThat(crossed.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(crossed).path("error").asText()).isIn("invalid_cursor", "cursor_expired");
    }

    // ---- helpers ----

    private List<ScoredPost> rank(TestUsers.User viewer, Set<UUID> among) {
        List<ScoredPost> all = new ArrayList<>();
        String cursor = null;
        do {
            Trending.RankedPage page = trending.posts(UUID.fromString(viewer.id()), PageRequest.of(100, cursor));
            page.posts().stream().filter(p -> among.contains(p.postId())).forEach(all::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    private List<UUID> rankIds(TestUsers.User viewer, Set<UUID> among, Instant asOf) {
        return rank(viewer, among).stream().map(ScoredPost::postId).toList();
    }

    private long score(TestUsers.User viewer, UUID post) {
        List<ScoredPost> ranked = rank(viewer, Set.of(post));
        assertThat(ranked).hasSize(1);
        return ranked.get(0).score();
    }

    /** A post with two recent likes (enough to be ranked). */
    private UUID engaged(UUID post, TestUsers.User author) {
        consumer.handle(List.of(like(post, author, UUID.randomUUID(), minutesAgo(15)),
                like(post, author, UUID.randomUUID(), minutesAgo(14))));
        return post;
    }

    private UUID post(TestUsers.User author, String visibility, Instant at) {
        UUID id = UUID.randomUUID();
        consumer.handle(List.of(created(id, author, visibility, at, List.of())));
        return id;
    }

    private static EventEnvelope created(UUID post, TestUsers.User author, String visibility, Instant at,
                                         List<String> tags) {
        ObjectNode payload = ApiClient.JSON.createObjectNode().put("post_id", post.toString())
                .put("author_id", author.id()).put("visibility", visibility);
        tags.forEach(payload.putArray("hashtags")::add);
        if (tags.isEmpty()) {
            payload.putArray("hashtags");
        }
        return new EventEnvelope(UUID.randomUUID(), EventTypes.POST_CREATED, at, post.toString(), payload);
    }

    private static EventEnvelope like(UUID post, TestUsers.User author, UUID user, Instant at) {
        return event(EventTypes.POST_LIKED, at, Map.of("post_id", post.toString(), "author_id", author.id(),
                "user_id", user.toString()));
    }

    private static EventEnvelope comment(UUID post, TestUsers.User author, UUID comment, Instant at) {
        return event(EventTypes.COMMENT_CREATED, at, Map.of("post_id", post.toString(),
                "comment_id", comment.toString(), "post_author_id", author.id(),
                "author_id", UUID.randomUUID().toString()));
    }

    private static EventEnvelope event(String type, Instant at, Map<String, String> fields) {
        ObjectNode payload = ApiClient.JSON.createObjectNode();
        fields.forEach(payload::put);
        return new EventEnvelope(UUID.randomUUID(), type, at, fields.get("post_id"), payload);
    }

    private static Instant minutesAgo(long minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }

    private static Instant hoursAgo(long hours) {
        return NOW.minus(Duration.ofHours(hours));
    }

    private void follow(TestUsers.User who, TestUsers.User whom) {
        assertThat(send("PUT", "/api/v1/relationships/following/" + whom.id(), who).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String method, String path, TestUsers.User as) {
        return http.send(method, path, as.token(), null);
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.json(response);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("user").path("id").asText()));
        return ids;
    }
}
