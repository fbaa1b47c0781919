package io.nova.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The public API as the seeder and the token refresh use it: blocking JSON calls that fail loudly with the
 * answer's status and body, and wait out a 429's {@code Retry-After} instead of failing the seed.
 */
final class NovaClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer other than the ones expected, with its status for callers that decide by it. */
    static final class Refused extends IllegalStateException {
        private final int status;

        Refused(String request, int status, String body) {
            super(request + " answered " + status + ": " + body);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    NovaClient(URI base) {
        this.base = base;
    }

    JsonNode post(String path, String token, Object body) {
        return send("POST", path, token, body, 200, 201, 202);
    }

    JsonNode put(String path, String token) {
        return send("PUT", path, token, null, 200);
    }

    JsonNode get(String path, String token) {
        return send("GET", path, token, null, 200);
    }

    /** PUT of raw bytes to a presigned URL, with exactly the headers the presign named. */
    void upload(String url, Map<String, String> headers, byte[] bytes) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Length")) {  // the client sets it; setting it is refused
                request.header(name, value);
            }
        });
        HttpResponse<String> response = exchange(request.build());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("upload to S3 answered " + response.statusCode() + ": " + response.body());
        }
    }

    private JsonNode send(String method, String path, String token, Object body, int... expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            for (int attempt = 1; ; attempt++) {
                HttpResponse<String> response = exchange(request.build());
                int status = response.statusCode();
                if ((status == 429 || status == 503) && attempt < 20) {
                    long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                    Thread.sleep(Duration.ofSeconds(Math.max(1, seconds)).toMillis());
                    continue;
                }
                for (int ok : expected) {
                    if (status == ok) {
                        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
                    }
                }
                throw new Refused(method + " " + path, status, response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Sleeps, turning an interrupt into a failure of the bench (there is nothing to resume). */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
