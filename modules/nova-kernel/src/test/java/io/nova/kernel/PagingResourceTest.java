package io.nova.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Walking a list by following Link rel="next" visits every item once, in order, and ends with next_cursor null. */
class PagingResourceTest extends RunningKernelApp {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    @Test
    void followingNextLinksVisitsEverythingOnce() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        List<Long> seen = new ArrayList<>();
        String url = "http://127.0.0.1:" + app.getLocalPort() + "/probe/numbers?limit=15";
        int pages = 0;
        while (url != null) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = json.readTree(response.body());
            body.path("items").forEach(item -> seen.add(item.asLong()));
            assertThat(body.has("next_cursor")).isTrue();
            url = response.headers().firstValue("Link").map(link -> {
                Matcher next = NEXT.matcher(link);
                return next.find() ? next.group(1) : null;
            }).orElse(null);
            assertThat(url == null).isEqualTo(body.path("next_cursor").isNull());
            pages++;
        }
        assertThat(pages).isEqualTo(4);
        assertThat(seen).hasSize(50).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }
}
