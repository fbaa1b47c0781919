package io.nova.system;

import io.dropwizard.testing.ConfigOverride;
import io.nova.embedded.junit.TestPlatform;
import io.nova.testing.People;
import io.nova.testing.TestIdentity;
import io.nova.testing.hostile.ApiRoute;
import io.nova.testing.hostile.HostileInputProperties;
import io.nova.testing.hostile.HostileProbe;
import net.jqwik.api.Example;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request type of user-service (read from its resources) under hostile input: never a 5xx, and every 4xx
 * the API's JSON error (issue #12). The real media-service and content-service run beside it (avatars are checked
 * for real, the home feed reads real posts) — which is why this test lives here and not in user-service's own
 * tests: content-service's tests depend on user-service.
 */
class UserServiceHostileInputPropertyTest extends HostileInputProperties {

    private static FeedStack stack;
    private static HostileProbe probe;

    @BeforeContainer
    static void start() {
        TestPlatform platform = TestPlatform.forClassOutsideJupiter(UserServiceHostileInputPropertyTest.class);
        stack = FeedStack.start(platform,
                ConfigOverride.config("feed.consumer", "feed-" + platform.database()),
                ConfigOverride.config("feed.keyPrefix", platform.redisKeyPrefix() + "feed:"));
        People people = stack.peers.people();
        People.Person ann = people.register();
        People.Person bob = people.register();
        Map<String, String> real = Map.of("id", bob.id(), "userId", bob.id(), "username", bob.username(),
                "q", bob.username().substring(0, 3), "ids", bob.id());
        probe = new HostileProbe(stack.users, () -> TestIdentity.accessToken(ann.id()), () -> real)
                .fields("PATCH /api/v1/users/me", "display_name", "bio", "avatar_media_id", "private_account");
    }

    @AfterContainer
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Override
    protected HostileProbe probe() {
        return probe;
    }

    @Override
    protected List<String> someRoutes() {
        return List.of("POST /api/v1/auth/login", "PATCH /api/v1/users/me",
                "PUT /api/v1/relationships/blocks/{userId}", "GET /.well-known/jwks.json",
                "GET /api/v1/feed");
    }

    @Example
    void theFieldsOfARecordBodyAreRead() {
        assertThat(probe.routes()).filteredOn(route -> route.toString().equals("POST /api/v1/auth/register"))
                .singleElement().extracting(ApiRoute::bodyFields)
                .satisfies(fields -> assertThat(fields).contains("email", "username", "password"));
    }
}
