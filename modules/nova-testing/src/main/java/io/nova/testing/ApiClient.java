package io.nova.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** JSON requests against a running service, the way a client sends them: bearer token, body, extra headers. */
public final class ApiClient {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final RunningService<?> service;

    public ApiClient(RunningService<?> service) {
        this.service = service;
    }

    /**
     * Any method, with a bearer token (null for none) and a JSON body (null for none). {@code headers} are name,
     * value pairs; a {@code Content-Type} among them replaces {@code application/json}.
     */
    public HttpResponse<String> send(String method, String path, String token, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !typed) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return service.send(request.build());
    }

    public HttpResponse<String> get(String path, String token) {
        return send("GET", path, token, null);
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null, null);
    }

    /** A POST without a bearer token (headers may still carry an Authorization). */
    public HttpResponse<String> post(String path, String body, String... headers) {
        return send("POST", path, null, body, headers);
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    /** A JSON object from name, value pairs: {@code body("text", "hi", "limit", 3)}. */
    public static String body(Object... keysAndValues) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.set((String) keysAndValues[i], JSON.valueToTree(keysAndValues[i + 1]));
        }
        return node.toString();
    }
}
