package io.nova.messaging.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.kernel.redis.RedisRevokedTokens;
import io.nova.messaging.core.realtime.CloseCodes;
import io.nova.testing.TestIdentity;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What keeps a socket honest: garbage, size, rate, silence, token lifetime and revocation. */
class SocketLimitsTest extends RealtimeServiceTest {

    @Override
    protected Map<String, String> realtimeSettings() {
        return Map.of("heartbeatInterval", "500ms", "inboundFramesPerSecond", "10", "inboundBurst", "40");
    }

    @Test
    void garbageFramesAreAnsweredWithErrorFramesAndTheSocketStays() throws Exception {
        SocketClient socket = client(UUID.randomUUID().toString());
        socket.openFromNow();
        Map<String, String> answers = Map.of(
                "not json at all", "invalid_frame",
                "[1, 2, 3]", "invalid_frame",
                "{\"type\": 7}", "invalid_frame",
                "{\"type\": \"dance\"}", "unknown_frame_type",
                "{\"type\": \"resume\", \"after_event_id\": \"yesterday\"}", "invalid_event_id",
                "{\"type\": \"resume\"}", "invalid_event_id",
                "{\"type\": \"typing\", \"conversation_id\": \"x\"}", "invalid_id",
                "{\"type\": \"typing\", \"conversation_id\": \"" + UUID.randomUUID() + "\"}", "not_found",
                "{\"type\": \"auth\", \"token\": \"nope\"}", "invalid_token");

        for (Map.Entry<String, String> garbage : answers.entrySet()) {
            socket.send(garbage.getKey());
            JsonNode error = socket.expect("error");
            assertThat(error.path("data").path("error").asText()).as(garbage.getKey()).isEqualTo(garbage.getValue());
            assertThat(error.path("data").path("message").asText()).isNotBlank();
        }
        socket.send(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertThat(socket.expect("error").path("data").path("error").asText()).isEqualTo("invalid_frame");

        socket.send("{\"type\":\"ping\"}");
        socket.expect("pong");
    }

    @Test
    void aFrameOverTheSizeLimitClosesWith1009() throws Exception {
        SocketClient socket = client(UUID.randomUUID().toString());
        socket.open();

        socket.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(17 * 1024) + "\"}");

        assertThat(socket.awaitClose(Duration.ofSeconds(5))).isEqualTo(CloseCodes.TOO_BIG);
    }

    @Test
    void aFloodClosesWith4029() throws Exception {
        SocketClient socket = client(UUID.randomUUID().toString());
        socket.open();

        try {
            for (int i = 0; i < 200 && socket.isOpen(); i++) {
                socket.send("{\"type\":\"ping\"}");
            }
        } catch (org.java_websocket.exceptions.WebsocketNotConnectedException closedMeanwhile) {
            // The server closed it while we were still sending: that is the point.
        }

        assertThat(socket.awaitClose(Duration.ofSeconds(5))).isEqualTo(CloseCodes.FLOODING);
    }

    @Test
    void aSilentClientIsClosedWith4002AfterTwoIntervals() throws Exception {
        SocketClient socket = client(UUID.randomUUID().toString());
        socket.answerPings = false;
        long begin = System.nanoTime();
        socket.open();

        assertThat(socket.awaitClose(Duration.ofSeconds(5))).isEqualTo(CloseCodes.HEARTBEAT_TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void aClientThatAnswersPingsStaysOpenWithoutSendingAnything() throws Exception {
        SocketClient socket = client(UUID.randomUUID().toString());
        socket.open();

        socket.assertQuietFor(Duration.ofMillis(2500));

        assertThat(socket.isOpen()).isTrue();
    }

    @Test
    void anExpiringTokenClosesTheSocketWith4001() throws Exception {
        String user = UUID.randomUUID().toString();
        SocketClient socket = withTwoSecondToken(user);
        socket.open();

        assertThat(socket.awaitClose(Duration.ofSeconds(6))).isEqualTo(CloseCodes.UNAUTHENTICATED);
    }

    @Test
    void aFreshTokenInAnAuthFrameKeepsTheSocketOpen() throws Exception {
        String user = UUID.randomUUID().toString();
        SocketClient socket = withTwoSecondToken(user);
        socket.open();

        socket.send("{\"type\":\"auth\",\"token\":\"" + TestIdentity.accessToken(user) + "\"}");
        JsonNode authenticated = socket.expect("authenticated");
        assertThat(Instant.parse(authenticated.path("data").path("expires_at").asText()))
                .isAfter(Instant.now().plus(Duration.ofMinutes(10)));

        Thread.sleep(3000);
        socket.send("{\"type\":\"ping\"}");
        socket.expect("pong");
    }

    @Test
    void anotherUsersTokenDoesNotReauthenticate() throws Exception {
        String user = UUID.randomUUID().toString();
        SocketClient socket = withTwoSecondToken(user);
        socket.open();

        socket.send("{\"type\":\"auth\",\"token\":\"" + TestIdentity.accessToken(UUID.randomUUID().toString()) + "\"}");

        assertThat(socket.expect("error").path("data").path("error").asText()).isEqualTo("invalid_token");
        assertThat(socket.awaitClose(Duration.ofSeconds(6))).isEqualTo(CloseCodes.UNAUTHENTICATED);
    }

    @Test
    void aRevokedTokenIsRefusedAndClosesItsSocket() throws Exception {
        String user = UUID.randomUUID().toString();
        String token = TestIdentity.accessToken(user);
        SocketClient socket = track(SocketClient.withHeader(socketUri(service.httpPort()), token));
        socket.open();

        RedissonClient redis = redis();
        try {
            com.nimbusds.jwt.SignedJWT jwt = com.nimbusds.jwt.SignedJWT.parse(token);
            new RedisRevokedTokens(redis, Duration.ofSeconds(30)).revoke(jwt.getJWTClaimsSet().getJWTID(),
                    jwt.getJWTClaimsSet().getExpirationTime().toInstant());
        } finally {
            redis.shutdown();
        }

        assertThat(socket.awaitClose(Duration.ofSeconds(5))).isEqualTo(CloseCodes.UNAUTHENTICATED);
        assertThat(RawUpgrade.send(service.httpPort(), "Authorization: Bearer " + token + "\r\n"))
                .startsWith("HTTP/1.1 401 ");
    }

    private SocketClient withTwoSecondToken(String user) {
        return track(SocketClient.withHeader(socketUri(service.httpPort()),
                TestIdentity.accessToken(user, Duration.ofSeconds(2))));
    }
}
