package io.nova.content;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import io.nova.testing.PeerServices;
import io.nova.testing.RunningService;
import io.nova.testing.TestIdentity;
import io.nova.testing.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * user-service and media-service unreachable: what needs them to decide visibility is a 503 the client may retry,
 * never a 500 and never a post shown to the wrong person; a committed create still answers 201.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NovaPlatformExtension.class)
class DependencyOutageTest {

    private RunningService<ContentServiceConfiguration> content;
    private ApiClient http;

    @BeforeAll
    void start(TestPlatform platform) {
        content = RunningService.start(ContentServiceApplication.class, platform,
                PeerServices.unreachable("content").toArray(ConfigOverride[]::new));
        http = new ApiClient(content);
    }

    @AfterAll
    void stop() {
        if (content != null) {
            content.close();
        }
    }

    @Test
    void visibilityDecisionsAre503AndOwnPostsStillWork() {
        TestIdentity.User ann = TestIdentity.newUser();
        TestIdentity.User bob = TestIdentity.newUser();
        HttpResponse<String> created = http.send("POST", "/api/v1/posts", ann.accessToken(),
                ApiClient.body("text", "still here"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode post = ApiClient.json(created);
        assertThat(post.path("author").path("id").asText()).isEqualTo(ann.id());
        String id = post.path("id").asText();

        assertThat(http.get("/api/v1/posts/" + id, ann.accessToken()).statusCode()).isEqualTo(200);

        HttpResponse<String> other = http.get("/api/v1/posts/" + id, bob.accessToken());
        assertThat(other.statusCode()).as(other.body()).isEqualTo(503);
        assertThat(ApiClient.json(other).path("error").asText()).isEqualTo("dependency_unavailable");
        assertThat(http.get("/api/v1/posts?author=" + ann.id(), bob.accessToken()).statusCode()).isEqualTo(503);
        assertThat(http.send("PUT", "/api/v1/posts/" + id + "/like", bob.accessToken(), null).statusCode())
                .isEqualTo(503);

        HttpResponse<String> withMedia = http.send("POST", "/api/v1/posts", ann.accessToken(),
                ApiClient.body("text", "pic",
                "media_ids", java.util.List.of(java.util.UUID.randomUUID().toString())));
        assertThat(withMedia.statusCode()).as(withMedia.body()).isEqualTo(503);
    }
}
