package io.nova.content;

import io.nova.embedded.junit.TestPlatform;
import io.nova.testing.ApiClient;
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
 * Every request type of content-service (read from its resources) under hostile input — arbitrary JSON, odd
 * numbers, control characters, duplicate keys, odd paths and parameters, bad tokens: never a 5xx, and every 4xx
 * the API's JSON error (issue #12). Each input is aimed at a fresh post and comment of a real user.
 */
class HostileInputPropertyTest extends HostileInputProperties {

    private static ContentStack stack;
    private static HostileProbe probe;

    @BeforeContainer
    static void start() {
        stack = ContentStack.start(TestPlatform.forClassOutsideJupiter(HostileInputPropertyTest.class));
        People.Person ann = stack.peers.people().register();
        ApiClient http = new ApiClient(stack.content);
        probe = new HostileProbe(stack.content, () -> TestIdentity.accessToken(ann.id()), () -> {
            String post = ApiClient.json(http.send("POST", "/api/v1/posts", ann.token(),
                    ApiClient.body("text", "aimed at"))).path("id").asText();
            String comment = ApiClient.json(http.send("POST", "/api/v1/posts/" + post + "/comments", ann.token(),
                    ApiClient.body("text", "aimed at too"))).path("id").asText();
            return Map.of("id", post, "postId", post, "commentId", comment, "author", ann.id());
        }).fields("PATCH /api/v1/posts/{id}", "text", "visibility");
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
        return List.of("POST /api/v1/posts", "PATCH /api/v1/posts/{id}",
                "DELETE /api/v1/posts/{postId}/comments/{commentId}", "GET /api/v1/health/ready");
    }

    @Example
    void pagingParametersOfABeanParamAreRoutes() {
        assertThat(probe.routes()).filteredOn(route -> route.toString().equals("GET /api/v1/posts"))
                .singleElement().extracting(ApiRoute::queryParams)
                .satisfies(names -> assertThat(names).contains("author", "limit", "cursor"));
    }
}
