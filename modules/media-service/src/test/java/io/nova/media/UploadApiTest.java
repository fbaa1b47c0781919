package io.nova.media;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import io.nova.contracts.EventTypes;
import io.nova.kernel.storage.S3Config;
import io.nova.kernel.storage.S3Storage;
import io.nova.testing.RunningService;
import io.nova.testing.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The upload dance against real S3 (S3Proxy), PostgreSQL, Redis and Kafka: presign, PUT, verify, process. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NovaPlatformExtension.class)
class UploadApiTest {

    private static final int QUOTA = 3;

    private RunningService<MediaServiceConfiguration> service;
    private MediaClient client;
    private MediaEvents events;
    private S3Storage bucket;

    @BeforeAll
    void start(TestPlatform platform) {
        service = MediaTestSupport.start(platform,
                ConfigOverride.config("media.maxPendingUploadsPerUser", Integer.toString(QUOTA)));
        client = new MediaClient(service);
        events = new MediaEvents(platform);
        bucket = new S3Storage(service.configuration().getS3());
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (events != null) {
            events.close();
        }
        if (bucket != null) {
            bucket.stop();
        }
        if (service != null) {
            service.close();
        }
    }

    // --- helpers ---

    private JsonNode createUpload(TestIdentity.User user, String filename, String type, long size, String purpose) {
        HttpResponse<String> response = client.createUpload(user, filename, type, size, purpose);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return MediaClient.json(response);
    }

    private JsonNode uploadAndComplete(TestIdentity.User user, String filename, String type, byte[] file) {
        JsonNode upload = createUpload(user, filename, type, file.length, "image");
        assertThat(MediaClient.put(upload, file).statusCode()).isEqualTo(200);
        HttpResponse<String> completed = complete(user, upload);
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(202);
        return MediaClient.json(completed);
    }

    private HttpResponse<String> complete(TestIdentity.User user, JsonNode upload) {
        return client.post(user, "/api/v1/uploads/" + upload.path("upload_id").asText() + "/complete", null);
    }

    /** Polls GET /uploads/{id} until it leaves processing. */
    private JsonNode awaitProcessed(TestIdentity.User user, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode media = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = client.get(user, "/api/v1/uploads/" + id);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            media = MediaClient.json(response);
            if (!media.path("status").asText().equals("processing")) {
                return media;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("still processing after 60 s: " + media);
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(MediaClient.json(response).path("error").asText()).as(response.body()).isEqualTo(code);
    }

    // --- presign ---

    @Test
    void presignAnswersASignedPutUrlForAKeyTheServerChose() {
        TestIdentity.User ann = TestIdentity.newUser();
        HttpResponse<String> response = client.createUpload(ann, "../../etc/passwd.jpg", "image/jpeg", 1234, "image");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("no-store"));
        JsonNode upload = MediaClient.json(response);
        String id = upload.path("upload_id").asText();
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/v1/uploads/" + id));
        URI url = URI.create(upload.path("url").asText());
        assertThat(url.getPath()).isEqualTo("/" + service.configuration().getS3().getBucket() + "/media/" + ann.id()
                + "/" + id);
        assertThat(url.getQuery()).contains("X-Amz-Signature=").contains("X-Amz-Expires=900")
                .contains("content-length").contains("content-type");
        assertThat(upload.path("method").asText()).isEqualTo("PUT");
        assertThat(upload.path("headers").path("Content-Type").asText()).isEqualTo("image/jpeg");
        assertThat(upload.path("headers").path("Content-Length").asText()).isEqualTo("1234");
        assertThat(Instant.parse(upload.path("expires_at").asText()))
                .isBetween(Instant.now().plusSeconds(880), Instant.now().plusSeconds(901));

        JsonNode pending = MediaClient.json(client.get(ann, "/api/v1/uploads/" + id));
        assertThat(pending.path("status").asText()).isEqualTo("pending");
        assertThat(pending.path("filename").asText()).isEqualTo("../../etc/passwd.jpg");
        assertThat(pending.path("renditions").size()).isZero();
        assertThat(Instant.parse(pending.path("pending_until").asText())).isAfter(Instant.now().plusSeconds(23 * 3600));
    }

    // --- the whole dance ---

    @Test
    void anUploadedPictureIsVerifiedProcessedAndServedWithASmallerThumbnail() throws Exception {
        TestIdentity.User ann = TestIdentity.newUser();
        byte[] picture = TestFiles.image("png", 1600, 1200);
        JsonNode upload = createUpload(ann, "holiday.png", "image/png", picture.length, "image");
        String id = upload.path("upload_id").asText();

        HttpResponse<String> put = MediaClient.put(upload, picture);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        HttpResponse<String> completed = complete(ann, upload);
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(202);
        JsonNode verified = MediaClient.json(completed);
        assertThat(verified.path("status").asText()).isEqualTo("processing");
        assertThat(MediaClient.names(verified)).containsOnlyKeys("original");
        // Completing again changes nothing.
        HttpResponse<String> again = complete(ann, upload);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);

        JsonNode ready = awaitProcessed(ann, id);
        assertThat(ready.path("status").asText()).as(ready.toString()).isEqualTo("ready");
        assertThat(ready.path("width").asInt()).isEqualTo(1600);
        assertThat(ready.path("height").asInt()).isEqualTo(1200);
        assertThat(MediaClient.names(ready)).containsExactly(
                Map.entry("original", "image/png"), Map.entry("medium", "image/jpeg"),
                Map.entry("thumbnail", "image/jpeg"));

        HttpResponse<byte[]> original = MediaClient.download(MediaClient.rendition(ready, "original").path("url").asText());
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.body()).isEqualTo(picture);

        JsonNode thumbnailView = MediaClient.rendition(ready, "thumbnail");
        HttpResponse<byte[]> thumbnail = MediaClient.download(thumbnailView.path("url").asText());
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(thumbnail.body().length).isLessThan(picture.length);
        BufferedImage small = TestFiles.decode(thumbnail.body());
        assertThat(small.getWidth()).isEqualTo(320);
        assertThat(small.getHeight()).isEqualTo(240);
        assertThat(thumbnailView.path("width").asInt()).isEqualTo(320);
        assertThat(thumbnailView.path("size_bytes").asLong()).isEqualTo(thumbnail.body().length);

        BufferedImage medium = TestFiles.decode(MediaClient.download(
                MediaClient.rendition(ready, "medium").path("url").asText()).body());
        assertThat(medium.getWidth()).isEqualTo(1080);
        assertThat(medium.getHeight()).isEqualTo(810);

        JsonNode uploaded = events.await(id, EventTypes.MEDIA_UPLOADED);
        assertThat(uploaded).as("media.uploaded").isNotNull();
        assertThat(uploaded.path("payload").path("owner_id").asText()).isEqualTo(ann.id());
        assertThat(uploaded.path("payload").path("size_bytes").asLong()).isEqualTo(picture.length);
        JsonNode readyEvent = events.await(id, EventTypes.MEDIA_READY);
        assertThat(readyEvent).as("media.ready").isNotNull();
        assertThat(readyEvent.path("payload").path("width").asInt()).isEqualTo(1600);
        assertThat(events.typesFor(id)).containsExactly(EventTypes.MEDIA_UPLOADED, EventTypes.MEDIA_READY);
    }

    @Test
    void jpegWebpAndGifPicturesAreDecodedToo() throws Exception {
        TestIdentity.User ann = TestIdentity.newUser();
        record Case(String name, String type, byte[] bytes, int width, int height) {
        }
        for (Case c : List.of(
                new Case("a.jpg", "image/jpeg", TestFiles.image("jpg", 800, 600), 800, 600),
                new Case("b.webp", "image/webp", TestFiles.webp(640, 480), 640, 480),
                new Case("c.gif", "image/gif", TestFiles.image("gif", 200, 400), 200, 400))) {
            String id = uploadAndComplete(ann, c.name(), c.type(), c.bytes()).path("id").asText();
            JsonNode ready = awaitProcessed(ann, id);
            assertThat(ready.path("status").asText()).as(c.type() + ": " + ready).isEqualTo("ready");
            assertThat(ready.path("width").asInt()).isEqualTo(c.width());
            assertThat(ready.path("height").asInt()).isEqualTo(c.height());
            // Only what exists: none of these is larger than the medium size.
            assertThat(MediaClient.names(ready)).containsOnlyKeys("original", "thumbnail");
            BufferedImage thumbnail = TestFiles.decode(MediaClient.download(
                    MediaClient.rendition(ready, "thumbnail").path("url").asText()).body());
            assertThat(Math.max(thumbnail.getWidth(), thumbnail.getHeight())).isEqualTo(320);
        }
    }

    @Test
    void aFileWithTheRightSignatureThatDoesNotDecodeFailsWithAReasonTheOwnerSees() throws Exception {
        TestIdentity.User ann = TestIdentity.newUser();
        byte[] broken = new byte[4096];
        new java.util.Random(1).nextBytes(broken);
        broken[0] = (byte) 0xFF;
        broken[1] = (byte) 0xD8;
        broken[2] = (byte) 0xFF;
        String id = uploadAndComplete(ann, "broken.jpg", "image/jpeg", broken).path("id").asText();
        JsonNode failed = awaitProcessed(ann, id);
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("failure_reason").asText()).isEqualTo("The file could not be decoded as image/jpeg");
        JsonNode event = events.await(id, EventTypes.MEDIA_FAILED);
        assertThat(event).as("media.failed").isNotNull();
        assertThat(event.path("payload").path("failure_reason").asText()).contains("could not be decoded");
    }

    // --- what S3 refuses ---

    @Test
    void aTamperedSignatureIsRefusedByS3AndNothingCanBeCompleted() {
        TestIdentity.User ann = TestIdentity.newUser();
        byte[] picture = TestFiles.image("png", 10, 10);
        JsonNode upload = createUpload(ann, "x.png", "image/png", picture.length, "image");
        String url = upload.path("url").asText();
        int at = url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
        char flipped = url.charAt(at) == 'a' ? 'b' : 'a';
        String tampered = url.substring(0, at) + flipped + url.substring(at + 1);
        HttpResponse<String> put = MediaClient.put(URI.create(tampered), upload.path("headers"), picture);
        assertThat(put.statusCode()).isEqualTo(403);
        assertError(complete(ann, upload), 409, "not_uploaded");
    }

    @Test
    void aBodyOfAnotherSizeOrTypeThanSignedIsRefusedByS3() {
        TestIdentity.User ann = TestIdentity.newUser();
        JsonNode upload = createUpload(ann, "x.png", "image/png", 100, "image");
        assertThat(MediaClient.put(upload, new byte[99]).statusCode()).isEqualTo(403);
        var otherType = MediaClient.JSON.createObjectNode()
                .put("Content-Type", "text/plain").put("Content-Length", "100");
        assertThat(MediaClient.put(URI.create(upload.path("url").asText()), otherType, new byte[100]).statusCode())
                .isEqualTo(403);
        assertError(complete(ann, upload), 409, "not_uploaded");
    }

    // --- what completion refuses ---

    @Test
    void completingBeforeUploadingIs409AndTheUploadStaysUsable() {
        TestIdentity.User ann = TestIdentity.newUser();
        byte[] picture = TestFiles.image("png", 40, 30);
        JsonNode upload = createUpload(ann, "x.png", "image/png", picture.length, "image");
        HttpResponse<String> early = complete(ann, upload);
        assertError(early, 409, "not_uploaded");
        assertThat(MediaClient.json(early).path("message").asText()).contains("not been uploaded yet");
        assertThat(MediaClient.put(upload, picture).statusCode()).isEqualTo(200);
        assertThat(complete(ann, upload).statusCode()).isEqualTo(202);
    }

    @Test
    void anObjectOfAnotherSizeIsRejectedAndDeleted() {
        // S3 enforces the signed length; a store that did not, or a write by other means, is still caught.
        TestIdentity.User ann = TestIdentity.newUser();
        JsonNode upload = createUpload(ann, "x.png", "image/png", 5000, "image");
        String key = "media/" + ann.id() + "/" + upload.path("upload_id").asText();
        bucket.put(key, TestFiles.image("png", 20, 20), "image/png");
        HttpResponse<String> response = complete(ann, upload);
        assertError(response, 422, "size_mismatch");
        assertThat(MediaClient.json(response).path("message").asText()).contains("5000 were declared");
        assertThat(bucket.head(key)).isEmpty();
        JsonNode failed = MediaClient.json(client.get(ann, "/api/v1/uploads/" + upload.path("upload_id").asText()));
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("failure_reason").asText()).contains("5000 were declared");
        assertError(complete(ann, upload), 422, "upload_rejected");
    }

    @Test
    void anObjectStoredAsAnotherTypeIsRejectedAndDeleted() {
        TestIdentity.User ann = TestIdentity.newUser();
        byte[] picture = TestFiles.image("png", 20, 20);
        JsonNode upload = createUpload(ann, "x.png", "image/png", picture.length, "image");
        String key = "media/" + ann.id() + "/" + upload.path("upload_id").asText();
        bucket.put(key, picture, "image/gif");
        assertError(complete(ann, upload), 422, "content_type_mismatch");
        assertThat(bucket.head(key)).isEmpty();
    }

    @Test
    void aTextFileDeclaredAsAJpegIsRejectedAndDeleted() {
        TestIdentity.User ann = TestIdentity.newUser();
        byte[] text = "this is not a picture, only a text file renamed .jpg\n".repeat(20)
                .getBytes(StandardCharsets.UTF_8);
        JsonNode upload = createUpload(ann, "cat.jpg", "image/jpeg", text.length, "image");
        assertThat(MediaClient.put(upload, text).statusCode()).isEqualTo(200);
        HttpResponse<String> response = complete(ann, upload);
        assertError(response, 422, "content_mismatch");
        assertThat(MediaClient.json(response).path("message").asText()).contains("content is not image/jpeg");
        assertThat(bucket.head("media/" + ann.id() + "/" + upload.path("upload_id").asText())).isEmpty();
    }

    @Test
    void aVideoDeclaredAsAnImageIsRejected() {
        TestIdentity.User ann = TestIdentity.newUser();
        byte[] video = TestFiles.mp4(64, 48, 1);
        JsonNode upload = createUpload(ann, "clip.png", "image/png", video.length, "image");
        assertThat(MediaClient.put(upload, video).statusCode()).isEqualTo(200);
        assertError(complete(ann, upload), 422, "content_mismatch");
    }

    // --- other people's uploads ---

    @Test
    void someoneElsesUploadDoesNotExistForYou() {
        TestIdentity.User ann = TestIdentity.newUser();
        TestIdentity.User bob = TestIdentity.newUser();
        byte[] picture = TestFiles.image("png", 20, 20);
        JsonNode upload = createUpload(ann, "x.png", "image/png", picture.length, "image");
        assertThat(MediaClient.put(upload, picture).statusCode()).isEqualTo(200);
        String id = upload.path("upload_id").asText();
        assertError(client.get(bob, "/api/v1/uploads/" + id), 404, "not_found");
        assertError(complete(bob, upload), 404, "not_found");
        // Bob's attempt did not complete it.
        assertThat(MediaClient.json(client.get(ann, "/api/v1/uploads/" + id)).path("status").asText())
                .isEqualTo("pending");
        assertThat(complete(ann, upload).statusCode()).isEqualTo(202);
        assertError(client.get(bob, "/api/v1/uploads/" + id), 404, "not_found");
    }

    // --- bad requests and limits ---

    @Test
    void typesOutsideTheAllowListAre400NamingWhatIsAllowed() {
        TestIdentity.User ann = TestIdentity.newUser();
        HttpResponse<String> svg = client.createUpload(ann, "x.svg", "image/svg+xml", 100, "image");
        assertError(svg, 400, "unsupported_content_type");
        assertThat(MediaClient.json(svg).path("message").asText())
                .contains("image/jpeg, image/png, image/webp, image/gif");
        assertError(client.createUpload(ann, "x.mp4", "video/mp4", 100, "image"), 400, "unsupported_content_type");
        assertError(client.createUpload(ann, "x.png", "image/png", 100, "video"), 400, "unsupported_content_type");
        assertError(client.createUpload(ann, "x.exe", "application/octet-stream", 100, "reel"), 400,
                "unsupported_content_type");
    }

    @Test
    void filesOverTheLimitAre413NamingTheLimit() {
        TestIdentity.User ann = TestIdentity.newUser();
        HttpResponse<String> image = client.createUpload(ann, "x.png", "image/png", 20 * 1024 * 1024 + 1, "image");
        assertError(image, 413, "upload_too_large");
        assertThat(MediaClient.json(image).path("message").asText()).contains("20971520 bytes (20 MiB)");
        assertThat(MediaClient.json(image).path("details").path("limit_bytes").asLong()).isEqualTo(20971520);
        HttpResponse<String> video = client.createUpload(ann, "x.mp4", "video/mp4", 100L * 1024 * 1024 + 1, "video");
        assertError(video, 413, "upload_too_large");
        assertThat(MediaClient.json(video).path("message").asText()).contains("(100 MiB)");
        assertThat(client.createUpload(ann, "x.png", "image/png", 20 * 1024 * 1024, "image").statusCode())
                .isEqualTo(201);
    }

    @Test
    void malformedRequestsAre400() {
        TestIdentity.User ann = TestIdentity.newUser();
        assertError(client.createUpload(ann, "x.png", "image/png", 0, "image"), 400, "validation_failed");
        assertError(client.createUpload(ann, "x.png", "image/png", -5, "image"), 400, "validation_failed");
        assertError(client.createUpload(ann, "x.png", "image/png", 10, "avatar"), 400, "validation_failed");
        assertError(client.createUpload(ann, "", "image/png", 10, "image"), 400, "validation_failed");
        assertError(client.createUpload(ann, "a\nb.png", "image/png", 10, "image"), 400, "validation_failed");
        assertError(client.post(ann, "/api/v1/uploads", "{\"filename\":\"x.png\",\"content_type\":\"image/png\","
                + "\"size_bytes\":10,\"purpose\":\"image\",\"key\":\"media/evil\"}"), 400, "unknown_field");
        assertError(client.post(ann, "/api/v1/uploads", "{\"filename\":"), 400, "malformed_json");
        assertError(client.post(ann, "/api/v1/uploads", null), 400, "validation_failed");
        assertError(client.post(ann, "/api/v1/uploads", "{\"filename\":\"x.png\",\"content_type\":\"image/png\","
                + "\"size_bytes\":\"ten\",\"purpose\":\"image\"}"), 400, "invalid_field");
    }

    @Test
    void withoutATokenNothingIsServed() {
        assertError(client.createUpload(null, "x.png", "image/png", 10, "image"), 401, "unauthorized");
        assertError(client.get(null, "/api/v1/uploads/" + java.util.UUID.randomUUID()), 401, "unauthorized");
    }

    @Test
    void idsThatAreNotUuidsAre404() {
        TestIdentity.User ann = TestIdentity.newUser();
        assertError(client.get(ann, "/api/v1/uploads/not-an-id"), 404, "not_found");
        assertError(client.post(ann, "/api/v1/uploads/1-1-1-1-1/complete", null), 404, "not_found");
    }

    @Test
    void pendingUploadsPastTheQuotaAre429UntilOneIsCompleted() {
        TestIdentity.User ann = TestIdentity.newUser();
        byte[] picture = TestFiles.image("png", 20, 20);
        JsonNode first = createUpload(ann, "1.png", "image/png", picture.length, "image");
        for (int i = 1; i < QUOTA; i++) {
            createUpload(ann, i + ".png", "image/png", picture.length, "image");
        }
        HttpResponse<String> over = client.createUpload(ann, "x.png", "image/png", picture.length, "image");
        assertError(over, 429, "too_many_pending_uploads");
        assertThat(MediaClient.json(over).path("message").asText()).contains("At most " + QUOTA);
        assertThat(over.headers().firstValue("Retry-After")).isPresent();
        // Someone else is not affected.
        assertThat(client.createUpload(TestIdentity.newUser(), "x.png", "image/png", 10, "image").statusCode())
                .isEqualTo(201);

        assertThat(MediaClient.put(first, picture).statusCode()).isEqualTo(200);
        assertThat(complete(ann, first).statusCode()).isEqualTo(202);
        assertThat(client.createUpload(ann, "x.png", "image/png", picture.length, "image").statusCode())
                .isEqualTo(201);
    }

    @Test
    void parallelCreationsCannotRacePastTheQuota() throws Exception {
        TestIdentity.User bea = TestIdentity.newUser();
        int attempts = QUOTA * 6;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                String name = i + ".png";
                statuses.add(pool.submit(() -> {
                    start.await();
                    return client.createUpload(bea, name, "image/png", 10, "image").statusCode();
                }));
            }
            start.countDown();
            Map<Integer, Integer> counted = new TreeMap<>();
            for (Future<Integer> status : statuses) {
                counted.merge(status.get(30, TimeUnit.SECONDS), 1, Integer::sum);
            }
            assertThat(counted).isEqualTo(Map.of(201, QUOTA, 429, attempts - QUOTA));
        } finally {
            pool.shutdownNow();
        }
    }
}
