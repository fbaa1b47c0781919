package io.nova.system;

import io.dropwizard.testing.ConfigOverride;
import io.nova.contracts.Topics;
import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import io.nova.testing.People;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user who stops reading is no longer fanned out to once their timeline expires ({@code feed.inactiveAfter}, 2 s
 * here), and on their next read gets every post at once and a rebuilt timeline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NovaPlatformExtension.class)
class FeedInactivityTest {

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
                ConfigOverride.config("feed.inactiveAfter", "2s"));
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
    void anInactiveUserIsSkippedByTheFanOutAndRebuiltOnReturn() throws Exception {
        People.Person reader = people.register();
        People.Person author = people.register();
        people.follow(reader, author);
        String early = client.post(author, "while active");
        client.await(reader, ids -> ids.contains(early));
        awaitMarker(reader, "ready");

        // No reads for longer than inactiveAfter: the marker and the timeline expire.
        awaitMarker(reader, null);
        String late = client.post(author, "while away");
        new KafkaReplay(platform.kafkaBootstrapServers()).awaitCaughtUp("user-service.feed-" + platform.database(),
                List.of(Topics.CONTENT_EVENTS), FeedClient.EVENTUAL);
        assertThat(redis.timelineExists(reader))
                .as("nothing is written for an inactive user").isFalse();

        assertThat(client.ids(reader)).containsExactly(late, early);
        awaitMarker(reader, "ready");
        assertThat(client.ids(reader)).containsExactly(late, early);
        assertThat(redis.timeline(reader).size())
                .isEqualTo(2);
    }

    /** Waits (without reading the feed, which would renew it) until the marker is {@code value} (null: gone). */
    private void awaitMarker(People.Person user, String value) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Objects.equals(redis.marker(user), value)) {
            assertThat(System.nanoTime() < deadline).as("marker of " + user.username() + " = " + value).isTrue();
            Thread.sleep(20);
        }
    }
}
