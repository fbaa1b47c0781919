package io.nova.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.nova.contracts.Topics;
import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import io.nova.testing.ApiClient;
import io.nova.testing.People;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /feed} end to end: user-service with the real content- and media-service, posts created through
 * content-service's API, events through the outboxes and Kafka to the feed's consumer, timelines in Redis.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NovaPlatformExtension.class)
class HomeFeedTest {

    /** Authors with more followers than this are merged at read time (small, to test it with few people). */
    private static final int MAX_FOLLOWERS = 3;

    private FeedStack stack;
    private FeedClient client;
    private People people;
    private FeedRedis redis;
    private TestPlatform platform;

    @BeforeAll
    void start(TestPlatform platform) {
        this.platform = platform;
        stack = FeedStack.start(platform,
                ConfigOverride.config("feed.consumer", "feed-" + platform.database()),
                ConfigOverride.config("feed.keyPrefix", FeedRedis.keyPrefix(platform)),
                ConfigOverride.config("feed.fanOutMaxFollowers", String.valueOf(MAX_FOLLOWERS)));
        client = new FeedClient(stack);
        people = stack.peers.people();
        redis = new FeedRedis(platform);
    }

    @AfterAll
    void stop() {
        if (redis != null) {
            redis.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aFollowedAuthorsPostArrivesHydratedExactlyAsContentServiceShowsIt() throws Exception {
        People.Person reader = people.register();
        People.Person author = people.register();
        people.follow(reader, author);
        String post = client.post(author, "hello #feed @" + reader.username());

        client.await(reader, ids -> ids.contains(post));

        JsonNode inFeed = client.all(reader, 20).get(0);
        JsonNode direct = ApiClient.json(client.content.get("/api/v1/posts/" + post, reader.token()));
        assertThat(inFeed).isEqualTo(direct);
        assertThat(inFeed.path("author").path("username").asText()).isEqualTo(author.username());
        assertThat(inFeed.path("mentions").get(0).asText()).isEqualTo(reader.username());
    }

    @Test
    void olderPostsAreBackfilledOnFollowAndStrangersPostsNeverAppear() throws Exception {
        People.Person reader = people.register();
        People.Person author = people.register();
        People.Person stranger = people.register();
        awaitReady(reader);
        String older = client.post(author, "before the follow");
        String strangers = client.post(stranger, "not followed");

        people.follow(reader, author);

        List<String> ids = client.await(reader, now -> now.contains(older));
        assertThat(ids).doesNotContain(strangers);
    }

    @Test
    void myOwnNewPostIsInMyFeedOnMyNextRequest() throws Exception {
        People.Person me = people.register();
        awaitReady(me);
        for (int i = 0; i < 5; i++) {
            String mine = client.post(me, "mine " + i);
            assertThat(client.ids(me)).first().isEqualTo(mine);
        }
    }

    /**
     * Read-your-writes without asking content-service on every page: the feed reads the author's newest posts only
     * while they are marked as having one the fan-out has not delivered; once it has, the mark is gone and the
     * timeline alone answers. The lag is made here by taking the delivered post out of the timeline again.
     */
    @Test
    void myOwnPostIsReadFromContentServiceOnlyUntilTheFanOutHasDeliveredIt() throws Exception {
        People.Person me = people.register();
        awaitReady(me);
        String mine = client.post(me, "mine, delivered");
        long deadline = System.nanoTime() + FeedClient.EVENTUAL.toNanos();
        while (redis.ownPostMark(me) != null
                || redis.timeline(me).stream().noneMatch(member -> ((String) member).startsWith(mine))) {
            assertThat(System.nanoTime() < deadline).as("fan-out delivered " + mine + " and cleared the mark")
                    .isTrue();
            Thread.sleep(20);
        }
        redis.removeFromTimeline(me, mine, me);

        redis.ownPostMarks().mark(UUID.fromString(me.id()), UUID.fromString(mine));
        assertThat(client.ids(me)).first().isEqualTo(mine);

        // A mark naming another post is not cleared by this one's fan-out.
        redis.ownPostMarks().clear(UUID.fromString(me.id()), UUID.randomUUID());
        assertThat(redis.ownPostMark(me)).isEqualTo(mine);

        redis.ownPostMarks().clear(UUID.fromString(me.id()), UUID.fromString(mine));
        assertThat(redis.ownPostMark(me)).isNull();
        assertThat(client.ids(me)).doesNotContain(mine);
    }

    @Test
    void unfollowRemovesBlockAndDeleteHideAtOnce() throws Exception {
        People.Person reader = people.register();
        People.Person left = people.register();
        People.Person blocker = people.register();
        People.Person deleter = people.register();
        people.follow(reader, left);
        people.follow(reader, blocker);
        people.follow(reader, deleter);
        awaitReady(reader);
        String leftPost = client.post(left, "from the one unfollowed");
        String blockerPost = client.post(blocker, "from the one who blocks");
        String deleted = client.post(deleter, "soon gone");
        String kept = client.post(deleter, "stays");
        client.await(reader, ids -> ids.containsAll(List.of(leftPost, blockerPost, deleted, kept)));

        HttpResponse<String> unfollow = client.users.send("DELETE", "/api/v1/relationships/following/"
                + left.id(), reader.token(), null);
        assertThat(unfollow.statusCode()).isEqualTo(200);
        people.block(blocker, reader);
        assertThat(client.ids(reader)).doesNotContain(blockerPost);
        HttpResponse<String> delete = client.content.send("DELETE", "/api/v1/posts/" + deleted,
                deleter.token(), null);
        assertThat(delete.statusCode()).isIn(200, 204);
        assertThat(client.ids(reader)).doesNotContain(deleted).contains(kept);

        client.await(reader, ids -> !ids.contains(leftPost));
        assertThat(redis.timeline(reader))
                .noneMatch(member -> ((String) member).startsWith(blockerPost) || ((String) member).startsWith(deleted));
    }

    @Test
    void followersOnlyPostsReachFollowersOnly() throws Exception {
        People.Person author = people.register();
        People.Person follower = people.register();
        People.Person other = people.register();
        people.follow(follower, author);
        String closed = client.post(author, "for followers", "followers");
        String open = client.post(author, "for all");

        List<String> ids = client.await(follower, now -> now.containsAll(List.of(closed, open)));
        assertThat(ids.indexOf(open)).isLessThan(ids.indexOf(closed));
        people.follow(other, author);
        client.await(other, now -> now.containsAll(List.of(closed, open)));
        client.users.send("DELETE", "/api/v1/relationships/following/" + author.id(), other.token(), null);
        client.await(other, now -> !now.contains(closed) && !now.contains(open));
    }

    @Test
    void aPrivateAccountsPostsReachARequesterOnlyOnceTheRequestIsApproved() throws Exception {
        People.Person shy = people.register();
        People.Person fan = people.register();
        People.Person open = people.register();
        awaitReady(fan);
        people.makePrivate(shy);
        String before = client.post(shy, "before the request");
        people.follow(fan, shy);
        String waiting = client.post(shy, "while the request waits");
        people.follow(fan, open);
        String marker = client.post(open, "a public author's post, after both");

        List<String> pending = client.await(fan, now -> now.contains(marker));
        assertThat(pending).doesNotContain(before, waiting);

        people.approve(shy, fan);
        client.await(fan, now -> now.containsAll(List.of(before, waiting, marker)));
    }

    @Test
    void anAuthorOverTheThresholdIsMergedAtReadTimeNotPushed() throws Exception {
        People.Person celebrity = people.register();
        List<People.Person> fans = new ArrayList<>();
        for (int i = 0; i <= MAX_FOLLOWERS; i++) {
            People.Person fan = people.register();
            // Each fan reads before the next one follows: the earlier ones keep their list of wide followees (none
            // yet), which the follow that makes the author wide must make stale.
            people.follow(fan, celebrity);
            awaitReady(fan);
            fans.add(fan);
        }
        People.Person normal = people.register();
        people.follow(fans.get(0), normal);

        String famous = client.post(celebrity, "to many");
        for (People.Person fan : fans) {
            assertThat(client.ids(fan)).first().isEqualTo(famous);
        }
        String plain = client.post(normal, "to one");
        client.await(fans.get(0), ids -> ids.indexOf(plain) == 0 && ids.indexOf(famous) == 1);
        // The plain post was pushed, the famous one never was: it is in no timeline but the author's own.
        assertThat(redis.timeline(fans.get(0))).anyMatch(member -> ((String) member).startsWith(plain))
                .noneMatch(member -> ((String) member).startsWith(famous));
    }

    /**
     * A reader keeps the list of wide authors it follows (merged at read time) between pages. Following one shows on
     * the very next read all the same. After an unfollow the author's posts go as the docs say, within the fan-out's
     * delay (the follow's backfill may have pushed them into the timeline, which the unfollow event clears) — well
     * before a list kept from before the unfollow would expire.
     */
    @Test
    void followingOrUnfollowingAWideAuthorShowsOnTheNextRead() throws Exception {
        People.Person celebrity = people.register();
        for (int i = 0; i <= MAX_FOLLOWERS; i++) {
            people.follow(people.register(), celebrity);
        }
        People.Person reader = people.register();
        awaitReady(reader);
        client.ids(reader);

        people.follow(reader, celebrity);
        String famous = client.post(celebrity, "after the follow");
        assertThat(client.ids(reader)).first().isEqualTo(famous);

        client.users.send("DELETE", "/api/v1/relationships/following/" + celebrity.id(), reader.token(), null);
        client.await(reader, ids -> !ids.contains(famous));
    }

    @Test
    void pagingWhilePostingNeitherRepeatsNorSkips() throws Exception {
        People.Person reader = people.register();
        People.Person author = people.register();
        people.follow(reader, author);
        awaitReady(reader);
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            posted.add(0, client.post(author, "post " + i));
        }
        client.await(reader, ids -> ids.size() == posted.size());

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int round = 0;
        do {
            HttpResponse<String> response = client.page(reader, 5, cursor);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = ApiClient.json(response);
            body.path("items").forEach(item -> seen.add(item.path("id").asText()));
            cursor = body.path("next_cursor").isTextual() ? body.path("next_cursor").asText() : null;
            if (cursor != null) {
                assertThat(response.headers().firstValue("Link")).hasValueSatisfying(link ->
                        assertThat(link).contains("rel=\"next\""));
            }
            client.post(author, "while paging " + round++);
        } while (cursor != null);

        assertThat(seen).isEqualTo(posted);
    }

    @Test
    void afterRedisIsFlushedTheNextReadsAreCompleteAndTheTimelineIsRebuilt() throws Exception {
        People.Person reader = people.register();
        People.Person first = people.register();
        People.Person second = people.register();
        people.follow(reader, first);
        people.follow(reader, second);
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            posted.add(0, client.post(i % 2 == 0 ? first : second, "post " + i));
        }
        posted.add(0, client.post(reader, "my own"));
        List<String> before = client.await(reader, ids -> ids.equals(posted));

        redis.flushAll();

        assertThat(client.ids(reader)).isEqualTo(before);
        assertThat(client.all(reader, 2).stream().map(item -> item.path("id").asText()).toList())
                .isEqualTo(before);
        awaitReady(reader);
        assertThat(client.ids(reader)).isEqualTo(before);
        String after = client.post(first, "after the flush");
        client.await(reader, ids -> ids.size() == before.size() + 1 && ids.get(0).equals(after));
    }

    @Test
    void badPagingInputIsA400AndNoTokenA401() {
        People.Person reader = people.register();
        HttpResponse<String> badLimit = client.users.get("/api/v1/feed?limit=many", reader.token());
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(badLimit).path("error").isTextual()).isTrue();
        HttpResponse<String> badCursor = client.users.get("/api/v1/feed?cursor=not-ours", reader.token());
        assertThat(badCursor.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(badCursor).path("error").asText()).isEqualTo("invalid_cursor");
        HttpResponse<String> anonymous = client.users.get("/api/v1/feed");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void noDuplicatesEvenWhenEveryIdIsUnique() throws Exception {
        People.Person reader = people.register();
        People.Person author = people.register();
        people.follow(reader, author);
        for (int i = 0; i < 3; i++) {
            client.post(author, "p" + i);
        }
        List<String> ids = client.await(reader, now -> now.size() == 3);
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
    }

    @Test
    void theConsumerReplayedTwiceLeavesNoDuplicateAndBringsNothingBack() throws Exception {
        People.Person reader = people.register();
        People.Person author = people.register();
        People.Person former = people.register();
        people.follow(reader, author);
        people.follow(reader, former);
        awaitReady(reader);
        String kept = client.post(author, "kept");
        String deleted = client.post(author, "deleted");
        String formers = client.post(former, "from someone unfollowed later");
        String other = client.post(author, "another");
        client.await(reader, ids -> ids.containsAll(List.of(kept, deleted, formers, other)));
        client.content.send("DELETE", "/api/v1/posts/" + deleted, author.token(), null);
        client.users.send("DELETE", "/api/v1/relationships/following/" + former.id(), reader.token(), null);
        List<String> settled = client.await(reader, ids -> ids.equals(List.of(other, kept)));

        KafkaReplay kafka = new KafkaReplay(platform.kafkaBootstrapServers());
        List<String> topics = List.of(Topics.CONTENT_EVENTS, Topics.USER_EVENTS);
        for (int i = 0; i < 2; i++) {
            assertThat(kafka.replay(topics)).isPositive();
        }
        kafka.awaitCaughtUp("user-service.feed-" + platform.database(), topics, FeedClient.EVENTUAL);

        assertThat(client.ids(reader)).isEqualTo(settled);
        assertThat(redis.timeline(reader))
                .noneMatch(member -> ((String) member).startsWith(deleted) || ((String) member).startsWith(formers))
                .anyMatch(member -> ((String) member).startsWith(kept));
    }

    /** Reads the feed (which builds the timeline) until the timeline is kept in Redis and ready. */
    private void awaitReady(People.Person viewer) throws InterruptedException {
        long deadline = System.nanoTime() + FeedClient.EVENTUAL.toNanos();
        client.ids(viewer);
        while (!"ready".equals(redis.marker(viewer))) {
            assertThat(System.nanoTime() < deadline).as("timeline of " + viewer.username() + " built").isTrue();
            Thread.sleep(20);
            client.ids(viewer);
        }
    }
}
