package io.nova.media;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import io.nova.kernel.storage.S3Storage;
import io.nova.media.core.VideoProcessor;
import io.nova.testing.RunningService;
import io.nova.testing.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server configured without ffmpeg, with short-lived upload URLs and pending uploads: videos keep only their
 * original (and say so), expired URLs are refused by S3, and uploads never completed are swept.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NovaPlatformExtension.class)
class WithoutFfmpegAndExpiryTest {

    private RunningService<MediaServiceConfiguration> service;
    private MediaClient client;
    private S3Storage bucket;
    private byte[] clip;

    @BeforeAll
    void start(TestPlatform platform) {
        service = MediaTestSupport.start(platform,
                ConfigOverride.config("media.ffmpegPath", "none"),
                ConfigOverride.config("media.uploadUrlTtl", "2s"),
                ConfigOverride.config("media.pendingUploadTtl", "4s"),
                ConfigOverride.config("media.sweepInterval", "500ms"));
        client = new MediaClient(service);
        bucket = new S3Storage(service.configuration().getS3());
        clip = TestFiles.mp4(160, 120, 1);
    }

    @AfterAll
    void stop() {
        if (bucket != null) {
            bucket.stop();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void withoutFfmpegAVideosOriginalIsItsOnlyRenditionAndTheApiSaysSo() throws Exception {
        TestIdentity.User ann = TestIdentity.newUser();
        String upload = client.uploadCompleted(ann, "reel", "video/mp4", clip);
        JsonNode media = client.awaitProcessed(ann, "/api/v1/uploads/" + upload);
        assertThat(media.path("status").asText()).isEqualTo("ready");
        assertThat(MediaClient.names(media)).containsOnlyKeys("original");
        assertThat(media.path("processing_note").asText()).isEqualTo(VideoProcessor.NO_FFMPEG_NOTE);
        assertThat(media.path("duration_ms").isNull()).isTrue();
        assertThat(media.path("width").isNull()).isTrue();

        HttpResponse<String> reel = client.post(ann, "/api/v1/reels", MediaClient.body("upload_id", upload,
                "caption", "raw"));
        assertThat(reel.statusCode()).as(reel.body()).isEqualTo(201);
        JsonNode view = MediaClient.json(reel);
        assertThat(view.path("published").asBoolean()).isTrue();
        assertThat(view.path("processing_note").asText()).contains("no ffmpeg");
        assertThat(MediaClient.download(MediaClient.rendition(view, "original").path("url").asText()).body())
                .isEqualTo(clip);
    }

    @Test
    void anExpiredUploadUrlIsRefusedByS3() throws Exception {
        TestIdentity.User ann = TestIdentity.newUser();
        byte[] picture = TestFiles.image("png", 20, 20);
        JsonNode upload = MediaClient.json(client.createUpload(ann, "late.png", "image/png", picture.length, "image"));
        Thread.sleep(2_500);
        HttpResponse<String> put = MediaClient.put(upload, picture);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(403);
        assertThat(client.post(ann, "/api/v1/uploads/" + upload.path("upload_id").asText() + "/complete", null)
                .statusCode()).isEqualTo(409);
    }

    @Test
    void uploadsNeverCompletedAreSweptWithTheirObjects() throws Exception {
        TestIdentity.User ann = TestIdentity.newUser();
        byte[] picture = TestFiles.image("png", 20, 20);
        JsonNode upload = MediaClient.json(client.createUpload(ann, "left.png", "image/png", picture.length, "image"));
        String id = upload.path("upload_id").asText();
        assertThat(MediaClient.put(upload, picture).statusCode()).isEqualTo(200);
        String key = "media/" + ann.id() + "/" + id;
        assertThat(bucket.head(key)).isPresent();
        // A completed upload of the same age is kept; a rejected one goes too.
        String kept = client.uploadCompleted(ann, "image", "image/png", picture);
        byte[] text = "not a picture at all, just text".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode rejected = MediaClient.json(client.createUpload(ann, "t.png", "image/png", text.length, "image"));
        assertThat(MediaClient.put(rejected, text).statusCode()).isEqualTo(200);
        String rejectedPath = "/api/v1/uploads/" + rejected.path("upload_id").asText();
        assertThat(client.post(ann, rejectedPath + "/complete", null).statusCode()).isEqualTo(422);
        assertThat(client.get(ann, rejectedPath).statusCode()).isEqualTo(200);

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (client.get(ann, "/api/v1/uploads/" + id).statusCode() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(client.get(ann, "/api/v1/uploads/" + id).statusCode()).isEqualTo(404);
        assertThat(bucket.head(key)).isEmpty();
        while (client.get(ann, rejectedPath).statusCode() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(client.get(ann, rejectedPath).statusCode()).isEqualTo(404);
        assertThat(client.get(ann, "/api/v1/uploads/" + kept).statusCode()).isEqualTo(200);
    }
}
