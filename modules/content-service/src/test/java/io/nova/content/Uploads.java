package io.nova.content;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.testing.MediaUploads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Media as an app makes it: presign at the running media-service, PUT the bytes to S3, complete, wait. */
final class Uploads {

    private static final HttpClient S3 = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Http media;

    Uploads(Http media) {
        this.media = media;
    }

    /** A presigned upload nobody completed: pending, not usable. */
    String pendingImage(People.Person owner) {
        return presign(owner, MediaUploads.png(8, 8)).path("upload_id").asText();
    }

    /** A real PNG uploaded, verified and processed: ready to be used in a post. */
    String readyImage(People.Person owner) throws InterruptedException {
        byte[] png = MediaUploads.png(64, 48);
        JsonNode upload = presign(owner, png);
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(png));
        upload.path("headers").properties().forEach(header -> {
            // The client sets Content-Length from the body itself.
            if (!header.getKey().equalsIgnoreCase("content-length")) {
                put.header(header.getKey(), header.getValue().asText());
            }
        });
        try {
            HttpResponse<String> stored = S3.send(put.build(), HttpResponse.BodyHandlers.ofString());
            if (stored.statusCode() != 200) {
                throw new AssertionError("S3 PUT: " + stored.statusCode() + " " + stored.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String id = upload.path("upload_id").asText();
        expect(media.post("/api/v1/uploads/" + id + "/complete", owner.token(), null), 202);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String status = Http.json(expect(media.get("/api/v1/uploads/" + id, owner.token()), 200))
                    .path("status").asText();
            if (status.equals("ready")) {
                return id;
            }
            if (status.equals("failed")) {
                throw new AssertionError("media " + id + " failed");
            }
            Thread.sleep(100);
        }
        throw new AssertionError("media " + id + " not ready within 60 s");
    }

    private JsonNode presign(People.Person owner, byte[] png) {
        return Http.json(expect(media.post("/api/v1/uploads", owner.token(), Http.body("filename", "photo.png",
                "content_type", "image/png", "size_bytes", png.length, "purpose", "image")), 201));
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError("expected " + status + ", got " + response.statusCode() + " "
                    + response.body());
        }
        return response;
    }
}
