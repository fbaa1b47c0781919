package io.nova.media;

import io.dropwizard.testing.ConfigOverride;
import io.nova.embedded.junit.TestPlatform;
import io.nova.testing.MediaUploads;
import io.nova.testing.RunningService;
import io.nova.testing.TestIdentity;
import io.nova.testing.hostile.HostileInputProperties;
import io.nova.testing.hostile.HostileProbe;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.List;
import java.util.Map;

/**
 * Every request type of media-service (read from its resources) under hostile input: never a 5xx, and every 4xx
 * the API's JSON error (issue #12). Ids in paths are often a real, ready image of the caller's.
 */
class HostileInputPropertyTest extends HostileInputProperties {

    private static RunningService<MediaServiceConfiguration> service;
    private static HostileProbe probe;

    @BeforeContainer
    static void start() {
        TestPlatform platform = TestPlatform.forClassOutsideJupiter(HostileInputPropertyTest.class);
        service = RunningService.start(MediaServiceApplication.class, platform, TestIdentity.trustTokens(),
                ConfigOverride.config("media.processingConsumer", "processing-" + platform.database()));
        TestIdentity.User ann = TestIdentity.newUser();
        String image = new MediaUploads(service).readyImage(ann.accessToken(), 16, 16);
        Map<String, String> real = Map.of("id", image, "creator", ann.id());
        probe = new HostileProbe(service, () -> TestIdentity.accessToken(ann.id()), () -> real);
    }

    @AfterContainer
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Override
    protected HostileProbe probe() {
        return probe;
    }

    @Override
    protected List<String> someRoutes() {
        return List.of("POST /api/v1/uploads", "POST /api/v1/uploads/{id}/complete", "PATCH /api/v1/videos/{id}",
                "DELETE /api/v1/reels/{id}");
    }
}
