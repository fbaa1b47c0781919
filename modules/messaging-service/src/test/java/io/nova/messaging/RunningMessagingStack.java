package io.nova.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import io.nova.media.MediaServiceApplication;
import io.nova.testing.ApiClient;
import io.nova.testing.PeerServices;
import io.nova.testing.People;
import io.nova.testing.RunningService;
import io.nova.user.UserServiceApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The base of messaging-service's full-app tests: the real messaging-, user- and media-service started once per
 * test class, a client for messaging-service, a way to sign people up, and the events messaging-service wrote.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NovaPlatformExtension.class)
abstract class RunningMessagingStack {

    protected TestPlatform platform;
    protected PeerServices peers;
    protected RunningService<MessagingServiceConfiguration> messaging;
    protected ApiClient http;
    protected People people;

    /** The class's own messaging-service settings, by configuration key (e.g. {@code calls.ringTimeout}). */
    protected Map<String, String> settings() {
        return Map.of();
    }

    @BeforeAll
    final void startStack(TestPlatform platform) {
        this.platform = platform;
        peers = PeerServices.start(platform, MediaServiceApplication.class, UserServiceApplication.class);
        try {
            List<ConfigOverride> overrides = peers.callerOverrides("conversations");
            // Media releases media-service could not take at once are retried soon, not in 30 s.
            overrides.add(ConfigOverride.config("conversations.mediaReleaseRetry", "250ms"));
            settings().forEach((key, value) -> overrides.add(ConfigOverride.config(key, value)));
            messaging = RunningService.start(MessagingServiceApplication.class, platform,
                    overrides.toArray(ConfigOverride[]::new));
        } catch (RuntimeException e) {
            peers.close();
            throw e;
        }
        http = new ApiClient(messaging);
        people = peers.people();
    }

    @AfterAll
    final void stopStack() {
        try {
            if (messaging != null) {
                messaging.close();
            }
        } finally {
            if (peers != null) {
                peers.close();
            }
        }
    }

    /** A conversation {@code creator} starts with {@code others} (a direct one for one other and no name). */
    protected String start(People.Person creator, String name, People.Person... others) {
        List<String> ids = Arrays.stream(others).map(People.Person::id).toList();
        HttpResponse<String> response = http.send("POST", "/api/v1/conversations", creator.token(),
                name == null ? ApiClient.body("member_ids", ids) : ApiClient.body("member_ids", ids, "name", name));
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return ApiClient.json(response).path("id").asText();
    }

    protected HttpResponse<String> send(People.Person sender, String conversation, Object... fields) {
        return http.send("POST", "/api/v1/conversations/" + conversation + "/messages", sender.token(),
                ApiClient.body(fields));
    }

    /** Sends a text and returns the message. */
    protected JsonNode say(People.Person sender, String conversation, String text) {
        HttpResponse<String> response = send(sender, conversation, "text", text);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ApiClient.json(response);
    }

    protected JsonNode get(People.Person caller, String path) {
        HttpResponse<String> response = http.get(path, caller.token());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return ApiClient.json(response);
    }

    protected static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(ApiClient.json(response).path("error").asText()).as(response.body()).isEqualTo(code);
    }

    /** One event messaging-service wrote to its outbox: type, aggregate id and payload, in the order written. */
    protected record Event(String type, String aggregateId, JsonNode payload) {

        List<String> recipients() {
            List<String> recipients = new ArrayList<>();
            payload.path("recipients").forEach(id -> recipients.add(id.asText()));
            return recipients;
        }

        JsonNode data() {
            return payload.path("data");
        }
    }

    /** The events of one conversation, in the order they were written. */
    protected List<Event> events(String conversation) {
        try (Connection connection = platform.connect();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT event_type, aggregate_id, payload::text FROM nova_outbox
                      WHERE topic = 'nova.messaging.events' AND aggregate_id = ? ORDER BY id""")) {
            query.setString(1, conversation);
            List<Event> events = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(new Event(rows.getString(1), rows.getString(2),
                            ApiClient.JSON.readTree(rows.getString(3))));
                }
            }
            return events;
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot read the outbox", e);
        }
    }

    /** The events of {@code type} of one conversation. */
    protected List<Event> events(String conversation, String type) {
        return events(conversation).stream().filter(event -> event.type().equals(type)).toList();
    }
}
