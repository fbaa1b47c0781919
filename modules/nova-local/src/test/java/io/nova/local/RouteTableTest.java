package io.nova.local;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's route table is the Ingress's: read from the real fragments, matched like ingress-nginx. */
class RouteTableTest {

    private final IngressFragments fragments = IngressFragments.read(Repository.root());
    private final RouteTable table = fragments.routes();

    @Test
    void theRealFragmentsGiveTheExpectedMapping() {
        Map<String, String> actual = new TreeMap<>();
        table.routes().forEach(r -> actual.put(r.path() + (r.exact() ? " Exact" : " Prefix"), r.service()));

        assertThat(actual).isEqualTo(new TreeMap<>(Map.ofEntries(
                Map.entry("/api/v1/auth Prefix", "user-service"),
                Map.entry("/api/v1/users Prefix", "user-service"),
                Map.entry("/api/v1/relationships Prefix", "user-service"),
                Map.entry("/api/v1/feed Prefix", "user-service"),
                Map.entry("/api/v1/discover Prefix", "user-service"),
                Map.entry("/.well-known/jwks.json Exact", "user-service"),
                Map.entry("/api/v1/posts Prefix", "content-service"),
                Map.entry("/api/v1/uploads Prefix", "media-service"),
                Map.entry("/api/v1/videos Prefix", "media-service"),
                Map.entry("/api/v1/reels Prefix", "media-service"),
                Map.entry("/api/v1/messages Prefix", "messaging-service"),
                Map.entry("/api/v1/conversations Prefix", "messaging-service"),
                Map.entry("/api/v1/calls Prefix", "messaging-service"),
                Map.entry("/api/v1/notifications Prefix", "messaging-service"),
                Map.entry("/ws Exact", "messaging-service"))));
        assertThat(table.services())
                .containsExactly("content-service", "media-service", "messaging-service", "user-service");
    }

    @Test
    void prefixMatchesWholePathElementsOnly() {
        assertThat(service("/api/v1/posts")).isEqualTo("content-service");
        assertThat(service("/api/v1/posts/1")).isEqualTo("content-service");
        assertThat(service("/api/v1/posts/1/comments")).isEqualTo("content-service");
        assertThat(table.match("/api/v1/postsX")).isEmpty();
        assertThat(table.match("/api/v1")).isEmpty();
        assertThat(table.match("/")).isEmpty();
    }

    @Test
    void exactPathsMatchOnlyThemselves() {
        assertThat(service("/ws")).isEqualTo("messaging-service");
        assertThat(table.match("/ws/")).isEmpty();
        assertThat(table.match("/ws/x")).isEmpty();
        assertThat(service("/.well-known/jwks.json")).isEqualTo("user-service");
        assertThat(table.match("/.well-known/jwks.json/x")).isEmpty();
    }

    @Test
    void theLongestMatchingPathWins() {
        RouteTable nested = new RouteTable(List.of(
                new Route("/api", false, "a"),
                new Route("/api/v1/special", false, "b"),
                new Route("/api/v1/special/exact", true, "c"),
                new Route("/api/v1/special/exact", false, "d")));

        assertThat(nested.match("/api/v1/other").orElseThrow().service()).isEqualTo("a");
        assertThat(nested.match("/api/v1/special/1").orElseThrow().service()).isEqualTo("b");
        assertThat(nested.match("/api/v1/special/exact").orElseThrow().service()).isEqualTo("c");
        assertThat(nested.match("/api/v1/special/exact/1").orElseThrow().service()).isEqualTo("d");
    }

    @Test
    void thePolicyIsTheIngressAnnotationsWithPlaceholdersReplacedByLocalValues() {
        IngressPolicy policy = fragments.policy(List.of("*"));

        assertThat(policy.allowMethods()).isEqualTo("GET, POST, PUT, PATCH, DELETE, OPTIONS");
        assertThat(policy.allowHeaders()).contains("Authorization", "Idempotency-Key");
        assertThat(policy.allowCredentials()).isTrue();
        assertThat(policy.maxBodyBytes()).isEqualTo(100L * 1024 * 1024);
        // cors-allow-origin is ${nova.cors.allowedOrigins} in the fragment: the local value applies.
        assertThat(policy.allowedOrigins()).containsExactly("*");
        assertThat(fragments.policy(List.of("http://a.test")).allows("http://b.test")).isFalse();
    }

    @Test
    void nginxSizes() {
        assertThat(IngressFragments.size("100m")).isEqualTo(104_857_600L);
        assertThat(IngressFragments.size("8k")).isEqualTo(8192L);
        assertThat(IngressFragments.size("1g")).isEqualTo(1L << 30);
        assertThat(IngressFragments.size("512")).isEqualTo(512L);
    }

    private String service(String path) {
        return table.match(path).orElseThrow(() -> new AssertionError("no route for " + path)).service();
    }

    @Test
    void pathsWithDotSegmentsOrEncodedSlashesAreNotRouted() {
        assertThat(Gateway.isNormalized("/api/v1/posts/42")).isTrue();
        assertThat(Gateway.isNormalized("/api/v1/posts/../../metrics")).isFalse();
        assertThat(Gateway.isNormalized("/api/v1/posts/./x")).isFalse();
        assertThat(Gateway.isNormalized("/api/v1/posts/%2e%2e/x")).isFalse();
        assertThat(Gateway.isNormalized("/api/v1/posts%2F..%2Fmetrics")).isFalse();
    }
}
