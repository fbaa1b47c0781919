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
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

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
    private RedissonClient redis;
    private TestPlatform platform;
    private String keyPrefix;

    @BeforeAll
    void start(TestPlatform platform) {
        this.platform = platform;
        keyPrefix = platform.redisKeyPrefix() + "feed:";
        stack = FeedStack.start(platform,
                ConfigOverride.config("feed.consumer", "feed-" + platform.database()),
                ConfigOverride.config("feed.keyPrefix", keyPrefix),
                ConfigOverride.config("feed.inactiveAfter", "2s"));
        client = new FeedClient(stack);
        people = stack.peers.people();
        URI uri = URI.create(platform.redisUri());
        Config config = new Config();
        config.useSingleServer().setAddress("redis://" + uri.getHost() + ":" + uri.getPort());
        redis = Redisson.create(config);
    }

    @AfterAll
    void stop() {
        if (redis != null) {
            redis.shutdown();
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
        awaitKey("m:" + reader.id(), "ready");

        // No reads for longer than inactiveAfter: the marker and the timeline expire.
        awaitKey("m:" + reader.id(), null);
        String late = client.post(author, "while away");
        new KafkaReplay(platform.kafkaBootstrapServers()).awaitCaughtUp("user-service.feed-" + platform.database(),
                List.of(Topics.CONTENT_EVENTS), FeedClient.EVENTUAL);
        assertThat(redis.getScoredSortedSet(keyPrefix + "tl:" + reader.id(), StringCodec.INSTANCE).isExists())
                .as("nothing is written for an inactive user").isFalse();

        assertThat(client.ids(reader)).containsExactly(late, early);
        awaitKey("m:" + reader.id(), "ready");
        assertThat(client.ids(reader)).containsExactly(late, early);
        assertThat(redis.getScoredSortedSet(keyPrefix + "tl:" + reader.id(), StringCodec.INSTANCE).size())
                .isEqualTo(2);
    }

    /** Waits (without reading the feed, which would renew it) until the key holds {@code value} (null: is gone). */
    private void awaitKey(String key, String value) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!java.util.Objects.equals(redis.getBucket(keyPrefix + key, StringCodec.INSTANCE).get(), value)) {
            assertThat(System.nanoTime() < deadline).as(key + " = " + value).isTrue();
            Thread.sleep(20);
        }
    }
}
