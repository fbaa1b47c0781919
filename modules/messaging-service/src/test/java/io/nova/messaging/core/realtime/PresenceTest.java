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
import org.redisson.client.codec.StringCodec;

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
    private String prefix;
    private Presence presence;
    private UUID user;
    private final List<String> handedOver = new ArrayList<>();
    private final MissedMessages missed = (who, entries) -> handedOver.addAll(entries);

    @BeforeAll
    void connect(TestPlatform platform) {
        redis = PlatformRedis.client(platform);
        prefix = platform.redisKeyPrefix();
        presence = new Presence(redis, prefix, Duration.ofSeconds(30), mapper);
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

    @Test
    void aMarkIsKeptAnHourUntilItsClaimComesAndThenOnlyForTheClaimsRetries() {
        presence.join(user, "s1", missed);
        String message = UUID.randomUUID().toString();
        presence.afterSent(user, created(message)).run();
        presence.leave(user, "s1", missed);
        assertThat(markMillis(message)).as("waiting for its claim").isGreaterThan(SentMarks.AFTER_CLAIM.toMillis());

        assertThat(presence.claim(user, message, "entry of " + message).online()).isTrue();

        assertThat(markMillis(message)).isPositive().isLessThanOrEqualTo(SentMarks.AFTER_CLAIM.toMillis());
        assertThat(presence.claim(user, message, "entry of " + message).online())
                .as("a retry of the claim still finds it sent").isTrue();
    }

    @Test
    void aMarkAfterItsClaimIsKeptOnlyForTheClaimsRetriesWhateverTheOtherSocketsSend() {
        presence.join(user, "s1", missed);
        presence.join(user, "s2", missed);
        String message = UUID.randomUUID().toString();
        assertThat(presence.claim(user, message, "entry of " + message).online()).isTrue();

        presence.afterSent(user, created(message)).run();
        presence.leave(user, "s1", missed);
        assertThat(markMillis(message)).isPositive().isLessThanOrEqualTo(SentMarks.AFTER_CLAIM.toMillis());
        presence.afterSent(user, created(message)).run(); // the user's other socket sends it too
        presence.leave(user, "s2", missed);

        assertThat(markMillis(message)).as("not kept for an hour again")
                .isPositive().isLessThanOrEqualTo(SentMarks.AFTER_CLAIM.toMillis());
        assertThat(handedOver).as("it was sent").isEmpty();
        assertThat(presence.claim(user, message, "entry of " + message).online())
                .as("a retry of the claim still finds it sent").isTrue();
    }

    @Test
    void theSendersOwnSocketsLeaveNoMark() {
        presence.join(user, "s1", missed);
        String message = UUID.randomUUID().toString();

        presence.afterSent(user, new LoggedEvent(EventId.ZERO, EventTypes.MESSAGE_CREATED,
                "{\"id\":\"" + message + "\",\"sender_id\":\"" + user + "\"}")).run();
        presence.leave(user, "s1", missed);

        assertThat(markMillis(message)).as("no claim ever comes for the sender").isEqualTo(-2);
    }

    /** What is left of the message's "a socket sent it" mark, in ms (-2: there is none). */
    private long markMillis(String messageId) {
        return redis.getBucket(prefix + "{" + user + "}:sent:" + messageId, StringCodec.INSTANCE).remainTimeToLive();
    }

    private LoggedEvent created(String messageId) {
        return new LoggedEvent(EventId.ZERO, EventTypes.MESSAGE_CREATED, "{\"id\":\"" + messageId + "\"}");
    }
}
