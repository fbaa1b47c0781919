package io.nova.testing.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nova.testing.RunningService;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Sends one {@link HostileInput} to every route of a service, over a real connection, and fails unless every answer
 * is below 500 and every 4xx is the API's JSON error ({@code error} and {@code message} strings). A row of the
 * hostile-input table: adding a service (messaging-service, when it is built) is a test class that boots it and
 * makes one of these — its routes are read from its resources.
 */
public final class HostileProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int SHOWN = 400;

    private final RunningService<?> service;
    private final List<ApiRoute> routes;
    private final Supplier<String> validToken;
    private final Supplier<Map<String, String>> realValues;

    /**
     * @param validToken a live access token of a user the service knows, fresh for each request (an input may
     *                   log it out)
     * @param realValues values of path and query parameters by name that name existing things (a post id), asked
     *                   once per input (an input may delete what the last one aimed at)
     */
    public HostileProbe(RunningService<?> service, Supplier<String> validToken,
                        Supplier<Map<String, String>> realValues) {
        this.service = service;
        this.routes = new ArrayList<>(ApiRoutes.of(service));
        this.validToken = validToken;
        this.realValues = realValues;
    }

    public List<ApiRoute> routes() {
        return List.copyOf(routes);
    }

    /**
     * The JSON fields of a route whose body is a free-form tree ({@code JsonNode}: a merge patch), which its
     * resource cannot tell; {@code route} as {@link ApiRoute#toString}. Fails if there is no such route.
     */
    public HostileProbe fields(String route, String... fields) {
        int index = routes.stream().map(ApiRoute::toString).toList().indexOf(route);
        if (index < 0) {
            throw new IllegalArgumentException("no route " + route + " among " + routes);
        }
        ApiRoute old = routes.get(index);
        routes.set(index, new ApiRoute(old.method(), old.path(), old.queryParams(), true, List.of(fields)));
        return this;
    }

    /** Sends {@code input} to every route; an AssertionError lists every answer that broke the rules. */
    public void check(HostileInput input) {
        Map<String, String> real = realValues.get();
        List<String> broken = new ArrayList<>();
        for (ApiRoute route : routes) {
            String problem = problem(route, input, real);
            if (problem != null) {
                broken.add(problem);
            }
        }
        if (!broken.isEmpty()) {
            throw new AssertionError(broken.size() + " of " + routes.size() + " routes broke the rules:\n"
                    + String.join("\n", broken));
        }
    }

    private String problem(ApiRoute route, HostileInput input, Map<String, String> real) {
        String target = input.target(route, real);
        String body = input.body(route);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort()
                        + target))
                .timeout(Duration.ofSeconds(30))
                .method(route.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !input.contentType().isEmpty()) {
            request.header("Content-Type", input.contentType());
        }
        if (input.idempotencyKey() != null) {
            request.header("Idempotency-Key", input.idempotencyKey());
        }
        String token = input.token().equals(HostileInput.VALID) ? validToken.get() : input.token();
        if (!token.equals(HostileInput.NONE)) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return describe(route, target, body, "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        int status = response.statusCode();
        if (status >= 500) {
            return describe(route, target, body, status + " " + response.body());
        }
        if (status >= 400 && !isErrorBody(response.body())) {
            return describe(route, target, body, status + " without the JSON error body: " + response.body());
        }
        return null;
    }

    private static boolean isErrorBody(String body) {
        try {
            JsonNode error = JSON.readTree(body);
            return error != null && error.path("error").isTextual() && error.path("message").isTextual();
        } catch (IOException e) {
            return false;
        }
    }

    private static String describe(ApiRoute route, String target, String body, String answer) {
        return "  " + route + " as " + route.method() + " " + shorten(target) + " body " + shorten(body)
                + "\n    → " + shorten(answer);
    }

    private static String shorten(String text) {
        if (text == null) {
            return "(none)";
        }
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "… (" + text.length() + " chars)";
    }
}
