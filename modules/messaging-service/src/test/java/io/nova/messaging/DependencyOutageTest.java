package io.nova.messaging;

import io.dropwizard.testing.ConfigOverride;
import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import io.nova.testing.ApiClient;
import io.nova.testing.PeerServices;
import io.nova.testing.RunningService;
import io.nova.testing.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * user-service and media-service unreachable: what needs them (who exists, who blocks whom, media) is a 503 the
 * client may retry, never a 500; what needs only messaging's own data still works.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NovaPlatformExtension.class)
class DependencyOutageTest {

    private RunningService<MessagingServiceConfiguration> messaging;
    private ApiClient http;

    @BeforeAll
    void start(TestPlatform platform) {
        messaging = RunningService.start(MessagingServiceApplication.class, platform,
                PeerServices.unreachable("conversations").toArray(ConfigOverride[]::new));
        http = new ApiClient(messaging);
    }

    @AfterAll
    void stop() {
        if (messaging != null) {
            messaging.close();
        }
    }

    @Test
    void whatNeedsAPeerIs503AndTheRestWorks() {
        TestIdentity.User ann = TestIdentity.newUser();
        HttpResponse<String> started = http.send("POST", "/api/v1/conversations", ann.accessToken(),
                ApiClient.body("member_ids", List.of(UUID.randomUUID().toString())));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(503);
        assertThat(ApiClient.json(started).path("error").asText()).isEqualTo("dependency_unavailable");

        HttpResponse<String> list = http.get("/api/v1/conversations", ann.accessToken());
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(ApiClient.json(list).path("items")).isEmpty();
        assertThat(http.get("/api/v1/conversations/" + UUID.randomUUID(), ann.accessToken()).statusCode())
                .isEqualTo(404);
    }
}
