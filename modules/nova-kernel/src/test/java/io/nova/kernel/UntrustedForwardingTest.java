package io.nova.kernel;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caller that is not a trusted proxy cannot pick its rate-limit bucket with X-Forwarded-For or X-Real-IP: here
 * loopback is not trusted, so every spoofed address lands in the peer's one bucket and the fourth call is a 429
 * that carries the X-RateLimit-* headers.
 */
class UntrustedForwardingTest extends RunningKernelApp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Override
    protected Map<String, String> settings() {
        return Map.of("trustedProxies", "10.0.0.0/8");
    }

    @Test
    void spoofedForwardingHeadersDoNotChangeTheBucket() throws Exception {
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            responses.add(HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + app.getLocalPort() + "/probe/limited"))
                    .header("X-Forwarded-For", "198.51.100." + i)
                    .header("X-Real-IP", "198.51.100." + i).build(), HttpResponse.BodyHandlers.ofString()));
        }
        HttpResponse<String> last = responses.get(3);
        assertThat(last.statusCode()).as(last.body()).isEqualTo(429);
        assertThat(last.headers().firstValue("X-RateLimit-Limit")).hasValue("3");
        assertThat(last.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(last.headers().firstValue("X-RateLimit-Reset")).isPresent();
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        // One bucket: what remains only ever goes down, whatever address each call claimed.
        long previous = Long.MAX_VALUE;
        for (HttpResponse<String> response : responses) {
            long remaining = Long.parseLong(response.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
            assertThat(remaining).isLessThanOrEqualTo(previous);
            previous = remaining;
        }
    }
}
