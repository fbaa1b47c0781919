package io.nova.messaging.core.realtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nova.contracts.EventTypes;
import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import io.nova.messaging.PlatformRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RedissonClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Presence against the real Redis: what a user's last socket leaves behind when it closes. The race this pins
 * down: a socket sends a message and closes at once, before its gathered "sent" mark has reached Redis — the
 * message was seen and must not come back as a missed-message notification.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NovaPlatformExtension.class)
class PresenceTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private RedissonClient redis;
    private Presence presence;
    private UUID user;
    private final List<String> handedOver = new ArrayList<>();
    private final MissedMessages missed = (who, entries) -> handedOver.addAll(entries);

    @BeforeAll
    void connect(TestPlatform platform) {
        redis = PlatformRedis.client(platform);
        presence = new Presence(redis, platform.redisKeyPrefix(), Duration.ofSeconds(30), mapper);
    }

    @AfterAll
    void disconnect() {
        redis.shutdown();
    }

    @BeforeEach
    void user() {
        user = UUID.randomUUID();
        handedOver.clear();
    }

    @Test
    void aMessageSentRightBeforeTheLastSocketClosesIsNotHandedOver() {
        presence.join(user, "s1", missed);
        String message = UUID.randomUUID().toString();
        assertThat(presence.claim(user, message, "entry of " + message).online()).isTrue();

        presence.afterSent(user, created(message)).run();
        presence.leave(user, "s1", missed); // well within the marks' 20 ms of gathering

        assertThat(handedOver).isEmpty();
    }

    @Test
    void aMessageNeverSentIsHandedOverByTheLastSocketOnly() {
        presence.join(user, "s1", missed);
        presence.join(user, "s2", missed);
        String unsent = UUID.randomUUID().toString();
        String sent = UUID.randomUUID().toString();
        presence.claim(user, unsent, "entry of " + unsent);
        presence.claim(user, sent, "entry of " + sent);
        presence.afterSent(user, created(sent)).run();

        presence.leave(user, "s1", missed);
        assertThat(handedOver).as("another socket still counts").isEmpty();
        presence.leave(user, "s2", missed);

        assertThat(handedOver).containsExactly("entry of " + unsent);
    }

    @Test
    void aClaimAfterTheSocketSentAndLeftFindsTheMessageSent() {
        presence.join(user, "s1", missed);
        String message = UUID.randomUUID().toString();
        // The fan-out outran the notifications consumer: sent before it was claimed.
        presence.afterSent(user, created(message)).run();
        presence.leave(user, "s1", missed);

        Presence.Claim claim = presence.claim(user, message, "entry of " + message);

        assertThat(claim.online()).as("sent, so no notification").isTrue();
    }

    @Test
    void aClaimWithNoSocketIsOffline() {
        String message = UUID.randomUUID().toString();

        assertThat(presence.claim(user, message, "entry of " + message).online()).isFalse();
    }

    private LoggedEvent created(String messageId) {
        return new LoggedEvent(EventId.ZERO, EventTypes.MESSAGE_CREATED, "{\"id\":\"" + messageId + "\"}");
    }
}
