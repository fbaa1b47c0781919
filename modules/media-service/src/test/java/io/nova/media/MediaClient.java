package io.nova.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nova.testing.RunningService;
import io.nova.testing.TestIdentity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A client of media-service as apps use it: JSON calls with a bearer token, and PUTs straight to S3. */
final class MediaClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final RunningService<?> service;

    MediaClient(RunningService<?> service) {
        this.service = service;
    }

    HttpResponse<String> post(TestIdentity.User user, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(path))
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return service.send(authorized(request, user).build());
    }

    HttpResponse<String> patch(TestIdentity.User user, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(path))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
        return service.send(authorized(request, user).build());
    }

    HttpResponse<String> get(TestIdentity.User user, String path) {
        return service.send(authorized(HttpRequest.newBuilder(service.uri(path)).GET(), user).build());
    }

    HttpResponse<String> delete(TestIdentity.User user, String path) {
        return service.send(authorized(HttpRequest.newBuilder(service.uri(path)).DELETE(), user).build());
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, TestIdentity.User user) {
        return user == null ? request : request.header("Authorization", user.bearer());
    }

    /** POST /api/v1/uploads for a file; asserts nothing. */
    HttpResponse<String> createUpload(TestIdentity.User user, String filename, String contentType, long size,
                                      String purpose) {
        return post(user, "/api/v1/uploads", body("filename", filename, "content_type", contentType,
                "size_bytes", size, "purpose", purpose));
    }

    /** Presigns, PUTs and completes an upload; returns its id. */
    String uploadCompleted(TestIdentity.User user, String purpose, String contentType, byte[] file) {
        HttpResponse<String> created = createUpload(user, "file", contentType, file.length, purpose);
        if (created.statusCode() != 201) {
            throw new AssertionError("upload not created: " + created.body());
        }
        JsonNode upload = json(created);
        HttpResponse<String> put = put(upload, file);
        if (put.statusCode() != 200) {
            throw new AssertionError("PUT refused: " + put.body());
        }
        String id = upload.path("upload_id").asText();
        HttpResponse<String> completed = post(user, "/api/v1/uploads/" + id + "/complete", null);
        if (completed.statusCode() != 202) {
            throw new AssertionError("not completed: " + completed.body());
        }
        return id;
    }

    /** Polls {@code path} until its {@code status} is not processing; returns the last answer. */
    JsonNode awaitProcessed(TestIdentity.User user, String path) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get(user, path);
            if (response.statusCode() != 200) {
                throw new AssertionError(path + ": " + response.body());
            }
            last = json(response);
            if (!last.path("status").asText().equals("processing")) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("still processing after 90 s: " + last);
    }

    /** PUTs {@code body} to a presigned URL with the headers the upload answer named, as a browser would. */
    static HttpResponse<String> put(JsonNode upload, byte[] body) {
        return put(URI.create(upload.path("url").asText()), upload.path("headers"), body);
    }

    static HttpResponse<String> put(URI url, JsonNode headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.properties().forEach(header -> {
            // java.net.http sets Content-Length from the body itself and refuses it as a header.
            if (!header.getKey().equalsIgnoreCase("content-length")) {
                request.header(header.getKey(), header.getValue().asText());
            }
        });
        return send(request.build());
    }

    static HttpResponse<byte[]> download(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    static String body(Object... keysAndValues) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.set((String) keysAndValues[i], JSON.valueToTree(keysAndValues[i + 1]));
        }
        return node.toString();
    }

    /** The rendition called {@code name} of a media view, or a missing node. */
    static JsonNode rendition(JsonNode media, String name) {
        for (JsonNode rendition : media.path("renditions")) {
            if (name.equals(rendition.path("name").asText())) {
                return rendition;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    static Map<String, String> names(JsonNode media) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        media.path("renditions").forEach(r -> names.put(r.path("name").asText(), r.path("content_type").asText()));
        return names;
    }
}
