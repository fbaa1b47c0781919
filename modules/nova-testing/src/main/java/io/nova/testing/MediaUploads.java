package io.nova.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The client side of media-service's upload dance, over HTTP only, for tests of the services that use media: ask
 * for a presigned URL, PUT a real PNG to S3, complete, and wait until processing made it ready.
 */
public final class MediaUploads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final RunningService<?> media;

    public MediaUploads(RunningService<?> media) {
        this.media = media;
    }

    /** Uploads a {@code width}×{@code height} PNG as the owner of {@code accessToken}; returns the ready media id. */
    public String readyImage(String accessToken, int width, int height) {
        String id = uploadedImage(accessToken, width, height);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode upload = json(send(HttpRequest.newBuilder(media.uri("/api/v1/uploads/" + id))
                    .header("Authorization", "Bearer " + accessToken).GET(), 200));
            String status = upload.path("status").asText();
            if (status.equals("ready")) {
                return id;
            }
            if (status.equals("failed")) {
                throw new AssertionError("media " + id + " failed: " + upload.path("failure_reason").asText());
            }
            pause();
        }
        throw new AssertionError("media " + id + " was not ready within 60 s");
    }

    /** A presigned upload nobody completed: pending, not usable for anything. Returns the media id. */
    public String pendingImage(String accessToken) {
        return presign(accessToken, png(8, 8)).path("upload_id").asText();
    }

    /** Uploads and completes a PNG without waiting for processing; returns the media id. */
    public String uploadedImage(String accessToken, int width, int height) {
        byte[] png = png(width, height);
        JsonNode presigned = presign(accessToken, png);
        String id = presigned.path("upload_id").asText();
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(presigned.path("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(png));
        // Content-Length is set by the client from the body; the other signed headers are sent as given.
        presigned.path("headers").fields().forEachRemaining(header -> {
            if (!header.getKey().equalsIgnoreCase("Content-Length")) {
                put.header(header.getKey(), header.getValue().asText());
            }
        });
        send(put, 200);
        send(HttpRequest.newBuilder(media.uri("/api/v1/uploads/" + id + "/complete"))
                .header("Authorization", "Bearer " + accessToken)
                .POST(HttpRequest.BodyPublishers.noBody()), 202);
        return id;
    }

    private JsonNode presign(String accessToken, byte[] png) {
        return json(send(HttpRequest.newBuilder(media.uri("/api/v1/uploads"))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode()
                        .put("filename", "test.png").put("content_type", "image/png")
                        .put("size_bytes", png.length).put("purpose", "image").toString())), 201));
    }

    /** A real PNG with a diagonal, so scaled renditions are not trivially uniform. */
    public static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(40, 120, 200));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.WHITE);
        graphics.drawLine(0, 0, width - 1, height - 1);
        graphics.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new AssertionError(request.build().method() + " " + request.build().uri() + ": expected "
                        + expected + ", got " + response.statusCode() + " " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
