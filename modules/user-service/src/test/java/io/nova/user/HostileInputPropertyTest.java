package io.nova.user;

import io.dropwizard.testing.ConfigOverride;
import io.nova.embedded.junit.TestPlatform;
import io.nova.media.MediaServiceApplication;
import io.nova.media.MediaServiceConfiguration;
import io.nova.testing.ApiClient;
import io.nova.testing.RunningService;
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
 * the API's JSON error (issue #12). The real media-service runs beside it, so avatars are checked for real.
 */
class HostileInputPropertyTest extends HostileInputProperties {

    private static RunningService<MediaServiceConfiguration> media;
    private static RunningService<UserServiceConfiguration> service;
    private static HostileProbe probe;

    @BeforeContainer
    static void start() {
        TestPlatform platform = TestPlatform.forClassOutsideJupiter(HostileInputPropertyTest.class);
        TestPlatform mediaPlatform = platform.forAnotherService("media-service");
        media = RunningService.start(MediaServiceApplication.class, mediaPlatform, TestIdentity.trustTokens(),
                ConfigOverride.config("media.processingConsumer", "processing-" + mediaPlatform.database()));
        service = RunningService.start(UserServiceApplication.class, platform, TestUsers.serviceOverrides(
                ConfigOverride.config("avatars.mediaServiceTarget", "127.0.0.1:" + media.grpcPort())));
        TestUsers users = new TestUsers(new ApiClient(service));
        TestUsers.User ann = users.register();
        TestUsers.User bob = users.register();
        Map<String, String> real = Map.of("id", bob.id(), "userId", bob.id(), "username", bob.username(),
                "q", bob.username().substring(0, 3), "ids", bob.id());
        probe = new HostileProbe(service, () -> TestIdentity.accessToken(ann.id()), () -> real)
                .fields("PATCH /api/v1/users/me", "display_name", "bio", "avatar_media_id", "private_account");
    }

    @AfterContainer
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (media != null) {
            media.close();
        }
    }

    @Override
    protected HostileProbe probe() {
        return probe;
    }

    @Override
    protected List<String> someRoutes() {
        return List.of("POST /api/v1/auth/login", "PATCH /api/v1/users/me",
                "PUT /api/v1/relationships/blocks/{userId}", "GET /.well-known/jwks.json");
    }

    @Example
    void theFieldsOfARecordBodyAreRead() {
        assertThat(probe.routes()).filteredOn(route -> route.toString().equals("POST /api/v1/auth/register"))
                .singleElement().extracting(ApiRoute::bodyFields)
                .satisfies(fields -> assertThat(fields).contains("email", "username", "password"));
    }
}
