package io.nova.messaging;

import io.dropwizard.testing.ConfigOverride;
import io.nova.embedded.junit.TestPlatform;
import io.nova.media.MediaServiceApplication;
import io.nova.testing.ApiClient;
import io.nova.testing.PeerServices;
import io.nova.testing.People;
import io.nova.testing.RunningService;
import io.nova.testing.TestIdentity;
import io.nova.testing.hostile.HostileInputProperties;
import io.nova.testing.hostile.HostileProbe;
import io.nova.user.UserServiceApplication;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every route of messaging-service, read from its Jersey resources, under jqwik-generated hostile input: odd JSON,
 * numbers, control characters, duplicate keys, odd paths and parameters, bad tokens — never a 5xx, and every 4xx
 * the API's JSON error (issue #12). Each input aims at a fresh direct conversation and message of real users;
 * {@code {id}} names a conversation, a message or a ringing call in turn, as the routes use it for all three.
 */
class HostileInputPropertyTest extends HostileInputProperties {

    private static PeerServices peers;
    private static RunningService<MessagingServiceConfiguration> messaging;
    private static HostileProbe probe;

    @BeforeContainer
    static void start() {
        TestPlatform platform = TestPlatform.forClassOutsideJupiter(HostileInputPropertyTest.class);
        peers = PeerServices.start(platform, MediaServiceApplication.class, UserServiceApplication.class);
        List<ConfigOverride> overrides = peers.callerOverrides("conversations");
        // Every third input starts a call: more than a person's limit per minute.
        overrides.add(ConfigOverride.config("calls.startsPerMinute", "100000"));
        messaging = RunningService.start(MessagingServiceApplication.class, platform,
                overrides.toArray(ConfigOverride[]::new));
        People.Person ann = peers.people().register();
        People.Person bob = peers.people().register();
        ApiClient http = new ApiClient(messaging);
        AtomicInteger inputs = new AtomicInteger();
        probe = new HostileProbe(messaging, () -> TestIdentity.accessToken(ann.id()), () -> {
            String conversation = ApiClient.json(http.send("POST", "/api/v1/conversations", ann.token(),
                    ApiClient.body("member_ids", List.of(bob.id())))).path("id").asText();
            String message = ApiClient.json(http.send("POST", "/api/v1/conversations/" + conversation + "/messages",
                    ann.token(), ApiClient.body("text", "aimed at")))
                    .path("id").asText();
            String id = switch (inputs.getAndIncrement() % 3) {
                case 0 -> conversation;
                case 1 -> message;
                default -> ApiClient.json(http.send("POST", "/api/v1/calls", ann.token(),
                        ApiClient.body("conversation_id", conversation, "kind", "audio", "sdp", "v=0\r\n")))
                        .path("id").asText();
            };
            return Map.of("id", id, "userId", bob.id(), "emoji", "👍");
        });
    }

    @AfterContainer
    static void stop() {
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

    @Override
    protected HostileProbe probe() {
        return probe;
    }

    @Override
    protected List<String> someRoutes() {
        return List.of("POST /api/v1/conversations", "POST /api/v1/conversations/{id}/messages",
                "PUT /api/v1/messages/{id}/reactions/{emoji}", "POST /api/v1/conversations/{id}/read",
                "POST /api/v1/calls", "POST /api/v1/calls/{id}/candidates", "GET /api/v1/calls/ice-servers");
    }
}
