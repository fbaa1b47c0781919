package io.nova.messaging.realtime;

import io.dropwizard.testing.ConfigOverride;
import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import io.nova.messaging.MessagingServiceApplication;
import io.nova.messaging.MessagingServiceConfiguration;
import io.nova.testing.RunningService;
import io.nova.testing.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import io.nova.messaging.PlatformRedis;
import org.redisson.api.RedissonClient;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The base of the realtime tests: the real messaging-service on the real platform, its own Redis key prefix and fan-out consumer group, events raised through its outbox,
 * and clients that are closed after each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NovaPlatformExtension.class)
abstract class RealtimeServiceTest {

    protected TestPlatform platform;
    protected RunningService<MessagingServiceConfiguration> service;
    protected OutboxEvents outbox;
    protected String keyPrefix;
    protected String fanOutConsumer;
    private final List<SocketClient> clients = new ArrayList<>();

    /** The class's own realtime settings (keys under {@code realtime.}). */
    protected Map<String, String> realtimeSettings() {
        return Map.of();
    }

    @BeforeAll
    final void startService(TestPlatform platform) {
        this.platform = platform;
        keyPrefix = platform.redisKeyPrefix() + "rt:";
        fanOutConsumer = "fanout-" + platform.topicPrefix().replace('.', '-');
        List<ConfigOverride> overrides = new ArrayList<>(sharedOverrides());
        realtimeSettings().forEach((key, value) -> overrides.add(ConfigOverride.config("realtime." + key, value)));
        service = RunningService.start(MessagingServiceApplication.class, platform,
                overrides.toArray(ConfigOverride[]::new));
        outbox = new OutboxEvents(platform);
    }

    /** What every replica of this class shares: trusted tokens, the keys and the consumer group. */
    protected List<ConfigOverride> sharedOverrides() {
        return List.of(TestIdentity.trustTokens(),
                ConfigOverride.config("realtime.keyPrefix", keyPrefix),
                ConfigOverride.config("realtime.fanOutConsumer", fanOutConsumer));
    }

    @AfterEach
    final void closeClients() {
        clients.forEach(client -> {
            try {
                client.shutdown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        clients.clear();
    }

    @AfterAll
    final void stopService() {
        if (service != null) {
            service.close();
        }
    }

    protected URI socketUri(int port) {
        return URI.create("ws://127.0.0.1:" + port + "/ws");
    }

    /** A client of this class's service for {@code user}, not yet connected. */
    protected SocketClient client(String user) {
        return track(SocketClient.withHeader(socketUri(service.httpPort()), TestIdentity.accessToken(user)));
    }

    protected SocketClient track(SocketClient client) {
        clients.add(client);
        return client;
    }

    /**
     * A group conversation with {@code users} as members, written into the real tables the conversations core
     * reads (the realtime tests run without user-service, which creating one through the API would ask about).
     */
    protected void members(UUID conversation, UUID... users) throws SQLException {
        try (Connection connection = platform.connect();
             PreparedStatement group = connection.prepareStatement(
                     "INSERT INTO conversations (id, kind, created_by) VALUES (?, 'group', ?)");
             PreparedStatement member = connection.prepareStatement(
                     "INSERT INTO members (conversation_id, user_id, role) VALUES (?, ?, 'member')")) {
            group.setObject(1, conversation);
            group.setObject(2, users[0]);
            group.executeUpdate();
            for (UUID user : users) {
                member.setObject(1, conversation);
                member.setObject(2, user);
                member.executeUpdate();
            }
        }
    }

    /** {@code user} leaves {@code conversation}, as the core records it. */
    protected void left(UUID conversation, UUID user) throws SQLException {
        try (Connection connection = platform.connect(); PreparedStatement leave = connection.prepareStatement("""
                UPDATE members SET left_seq = 0, left_at = clock_timestamp()
                 WHERE conversation_id = ? AND user_id = ?""")) {
            leave.setObject(1, conversation);
            leave.setObject(2, user);
            leave.executeUpdate();
        }
    }

    /** A Redis client of the test's own (shut it down). */
    protected RedissonClient redis() {
        return PlatformRedis.client(platform);
    }

    /** A counter or gauge of the service's /metrics (0 when it is not there yet). */
    protected double metric(String name) {
        String body = service.get("/metrics").body();
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + " ([0-9.eE+-]+)$").matcher(body);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
