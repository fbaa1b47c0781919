package io.nova.testing.hostile;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever the input, the probe can send it: a valid request target, and a body only where one is due. */
class HostileInputRenderingTest {

    private static final ApiRoute WITH_PARAMS = new ApiRoute("DELETE", "/api/v1/posts/{postId}/comments/{id: [^/]+}",
            List.of("limit", "cursor"), false, List.of());
    private static final ApiRoute WITH_BODY = new ApiRoute("POST", "/api/v1/things", List.of(), true,
            List.of("name", "size"));

    @Property(tries = 1000)
    void everyInputIsAValidRequestTarget(@ForAll("hostile") HostileInput input) {
        String target = input.target(WITH_PARAMS, Map.of("postId", "0b9c5a0e-4c4f-4a8e-9d43-2b7f3c1e8a10"));
        assertThat(URI.create("http://127.0.0.1:8080" + target).getRawPath()).startsWith("/api/v1/posts/");
        if (input.rawBody() == null) {
            assertThat(input.body(WITH_PARAMS)).isNull();
            assertThat(input.body(WITH_BODY)).startsWith("{\"name\":").endsWith("}");
        } else {
            assertThat(input.body(WITH_PARAMS)).isEqualTo(input.rawBody());
        }
    }

    @Provide
    Arbitrary<HostileInput> hostile() {
        return HostileInputs.any();
    }
}
