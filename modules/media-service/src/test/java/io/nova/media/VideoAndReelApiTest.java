package io.nova.media;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import io.nova.contracts.EventTypes;
import io.nova.kernel.grpc.GrpcChannels;
import io.nova.kernel.storage.S3Storage;
import io.nova.proto.media.v1.ClaimMediaRequest;
import io.nova.proto.media.v1.GetMediaRequest;
import io.nova.proto.media.v1.GetMediaResponse;
import io.nova.proto.media.v1.Media;
import io.nova.proto.media.v1.MediaServiceGrpc;
import io.nova.proto.media.v1.MediaStatus;
import io.nova.proto.media.v1.MediaType;
import io.nova.proto.media.v1.ReleaseMediaRequest;
import io.nova.testing.RunningService;
import io.nova.testing.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Videos, reels and the gRPC contract, with ffmpeg really probing and converting. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NovaPlatformExtension.class)
class VideoAndReelApiTest {

    private RunningService<MediaServiceConfiguration> service;
    private MediaClient client;
    private MediaEvents events;
    private S3Storage bucket;
    private ManagedChannel channel;
    private MediaServiceGrpc.MediaServiceBlockingStub grpc;
    private byte[] clip;

    @BeforeAll
    void start(TestPlatform platform) {
        service = MediaTestSupport.start(platform);
        client = new MediaClient(service);
        events = new MediaEvents(platform);
        bucket = new S3Storage(service.configuration().getS3());
        channel = GrpcChannels.open("127.0.0.1:" + service.grpcPort(), Duration.ofSeconds(10),
                MediaServiceGrpc.getServiceDescriptor());
        grpc = MediaServiceGrpc.newBlockingStub(channel);
        clip = TestFiles.mp4(320, 240, 2);
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow();
        }
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

    private JsonNode createVideo(TestIdentity.User user, String uploadId, String title, String visibility) {
        HttpResponse<String> response = client.post(user, "/api/v1/videos", MediaClient.body("upload_id", uploadId,
                "title", title, "description", "about " + title, "visibility", visibility));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return MediaClient.json(response);
    }

    private JsonNode readyVideo(TestIdentity.User user, String title, String visibility) throws Exception {
        JsonNode video = createVideo(user, client.uploadCompleted(user, "video", "video/mp4", clip), title, visibility);
        return client.awaitProcessed(user, "/api/v1/videos/" + video.path("id").asText());
    }

    private JsonNode readyReel(TestIdentity.User user, String caption) throws Exception {
        String upload = client.uploadCompleted(user, "reel", "video/mp4", clip);
        HttpResponse<String> response = client.post(user, "/api/v1/reels",
                MediaClient.body("upload_id", upload, "caption", caption, "audio", "Original audio"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return client.awaitProcessed(user, "/api/v1/reels/" + MediaClient.json(response).path("id").asText());
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(MediaClient.json(response).path("error").asText()).as(response.body()).isEqualTo(code);
    }

    // --- videos ---

    @Test
    void aVideoIsProbedConvertedAndPublishedOnceReady() throws Exception {
        TestIdentity.User ann = TestIdentity.newUser();
        TestIdentity.User bob = TestIdentity.newUser();
        String upload = client.uploadCompleted(ann, "video", "video/mp4", clip);
        JsonNode created = createVideo(ann, upload, "Test pattern", "public");
        String id = created.path("id").asText();
        assertThat(created.path("title").asText()).isEqualTo("Test pattern");
        assertThat(created.path("creator_id").asText()).isEqualTo(ann.id());

        JsonNode ready = client.awaitProcessed(ann, "/api/v1/videos/" + id);
        assertThat(ready.path("status").asText()).as(ready.toString()).isEqualTo("ready");
        assertThat(ready.path("published").asBoolean()).isTrue();
        assertThat(ready.path("width").asInt()).isEqualTo(320);
        assertThat(ready.path("height").asInt()).isEqualTo(240);
        assertThat(ready.path("duration_ms").asLong()).isBetween(1900L, 2200L);
        assertThat(ready.path("processing_note").isNull()).isTrue();
        assertThat(MediaClient.names(ready)).containsExactly(java.util.Map.entry("original", "video/mp4"),
                java.util.Map.entry("playback", "video/mp4"), java.util.Map.entry("thumbnail", "image/jpeg"));

        BufferedImage still = TestFiles.decode(MediaClient.download(
                MediaClient.rendition(ready, "thumbnail").path("url").asText()).body());
        assertThat(still.getWidth()).isEqualTo(320);
        assertThat(still.getHeight()).isEqualTo(240);
        byte[] playback = MediaClient.download(MediaClient.rendition(ready, "playback").path("url").asText()).body();
        assertThat(new String(playback, 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");

        JsonNode published = events.await(id, EventTypes.VIDEO_PUBLISHED);
        assertThat(published).as("video.published").isNotNull();
        assertThat(published.path("payload").path("media_id").asText()).isEqualTo(upload);
        assertThat(events.await(upload, EventTypes.MEDIA_READY).path("payload").path("duration_ms").asLong())
                .isBetween(1900L, 2200L);

        HttpResponse<String> seenByBob = client.get(bob, "/api/v1/videos/" + id);
        assertThat(seenByBob.statusCode()).as(seenByBob.body()).isEqualTo(200);
        JsonNode list = MediaClient.json(client.get(bob, "/api/v1/videos?creator=" + ann.id()));
        assertThat(list.path("items").size()).isEqualTo(1);
        assertThat(list.path("items").get(0).path("id").asText()).isEqualTo(id);
        assertThat(list.path("next_cursor").isNull()).isTrue();
    }

    @Test
    void webmAndUprightQuickTimeBecomeMp4PlaybackWithoutEnlarging() throws Exception {
        TestIdentity.User ann = TestIdentity.newUser();
        record Case(String type, byte[] bytes, int width, int height) {
        }
        for (Case c : List.of(new Case("video/webm", TestFiles.webm(320, 180, 1), 320, 180),
                new Case("video/quicktime", TestFiles.mov(180, 320, 1), 180, 320))) {
            String upload = client.uploadCompleted(ann, "video", c.type(), c.bytes());
            JsonNode media = client.awaitProcessed(ann, "/api/v1/uploads/" + upload);
            assertThat(media.path("status").asText()).as(c.type() + ": " + media).isEqualTo("ready");
            assertThat(media.path("width").asInt()).isEqualTo(c.width());
            assertThat(media.path("height").asInt()).isEqualTo(c.height());
            JsonNode playback = MediaClient.rendition(media, "playback");
            assertThat(playback.path("content_type").asText()).isEqualTo("video/mp4");
            assertThat(playback.path("width").asInt()).isEqualTo(c.width());
            assertThat(playback.path("height").asInt()).isEqualTo(c.height());
            byte[] mp4 = MediaClient.download(playback.path("url").asText()).body();
            assertThat(new String(mp4, 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        }
    }

    @Test
    void aFileThatIsNoVideoFailsWithAReason() throws Exception {
        TestIdentity.User ann = TestIdentity.newUser();
        // The right signature (an ftyp box), then nothing a demuxer can use.
        byte[] fake = new byte[2048];
        new java.util.Random(5).nextBytes(fake);
        System.arraycopy(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'}, 0, fake, 0, 12);
        String upload = client.uploadCompleted(ann, "video", "video/mp4", fake);
        JsonNode media = client.awaitProcessed(ann, "/api/v1/uploads/" + upload);
        assertThat(media.path("status").asText()).isEqualTo("failed");
        assertThat(media.path("failure_reason").asText()).isNotBlank();
        assertThat(MediaClient.names(media)).isEmpty();
        assertThat(events.await(upload, EventTypes.MEDIA_FAILED)).as("media.failed").isNotNull();
    }

    @Test
    void onlyTheCreatorEditsOrDeletesAndDeletingRemovesTheObjects() throws Exception {
        TestIdentity.User ann = TestIdentity.newUser();
        TestIdentity.User bob = TestIdentity.newUser();
        JsonNode video = readyVideo(ann, "Mine", "public");
        String id = video.path("id").asText();
        String path = "/api/v1/videos/" + id;

        assertError(client.patch(bob, path, MediaClient.body("title", "Bob's now")), 403, "forbidden");
        assertError(client.delete(bob, path), 403, "forbidden");

        HttpResponse<String> edited = client.patch(ann, path, MediaClient.body("title", "Renamed",
                "visibility", "private"));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(MediaClient.json(edited).path("title").asText()).isEqualTo("Renamed");
        assertThat(MediaClient.json(edited).path("description").asText()).isEqualTo("about Mine");
        assertError(client.get(bob, path), 404, "not_found");
        assertError(client.patch(bob, path, MediaClient.body("title", "x")), 404, "not_found");
        assertThat(MediaClient.json(client.get(bob, "/api/v1/videos?creator=" + ann.id())).path("items").size())
                .isZero();
        assertThat(MediaClient.json(client.get(ann, "/api/v1/videos?creator=" + ann.id())).path("items").size())
                .isEqualTo(1);

        assertError(client.patch(ann, path, "{}"), 400, "validation_failed");
        assertError(client.patch(ann, path, MediaClient.body("visibility", "friends")), 400, "validation_failed");
        assertError(client.patch(ann, path, MediaClient.body("title", "   ")), 400, "validation_failed");

        String mediaId = events.await(id, EventTypes.VIDEO_PUBLISHED).path("payload").path("media_id").asText();
        String originalKey = "media/" + ann.id() + "/" + mediaId;
        assertThat(bucket.head(originalKey)).isPresent();
        assertThat(bucket.head(originalKey + ".playback.mp4")).isPresent();

        assertThat(client.delete(ann, path).statusCode()).isEqualTo(204);
        assertError(client.get(ann, path), 404, "not_found");
        assertError(client.get(ann, "/api/v1/uploads/" + mediaId), 404, "not_found");
        assertThat(bucket.head(originalKey)).isEmpty();
        assertThat(bucket.head(originalKey + ".playback.mp4")).isEmpty();
        assertThat(bucket.head(originalKey + ".thumbnail.jpg")).isEmpty();
        assertThat(events.await(mediaId, EventTypes.MEDIA_DELETED)).as("media.deleted").isNotNull();
    }

    @Test
    void aVideoNeedsTheCallersOwnCompletedUnusedVideoUpload() {
        TestIdentity.User ann = TestIdentity.newUser();
        TestIdentity.User bob = TestIdentity.newUser();
        String annsUpload = client.uploadCompleted(ann, "video", "video/mp4", clip);

        assertError(client.post(bob, "/api/v1/videos", MediaClient.body("upload_id", annsUpload, "title", "Stolen")),
                403, "forbidden");
        createVideo(ann, annsUpload, "First", "public");
        assertError(client.post(ann, "/api/v1/videos", MediaClient.body("upload_id", annsUpload, "title", "Again")),
                409, "upload_in_use");
        assertError(client.post(ann, "/api/v1/reels", MediaClient.body("upload_id", annsUpload)), 422,
                "wrong_upload_purpose");

        String pending = MediaClient.json(client.createUpload(ann, "v.mp4", "video/mp4", clip.length, "video"))
                .path("upload_id").asText();
        assertError(client.post(ann, "/api/v1/videos", MediaClient.body("upload_id", pending, "title", "Early")),
                409, "upload_not_completed");
        String picture = client.uploadCompleted(ann, "image", "image/png", TestFiles.image("png", 30, 30));
        assertError(client.post(ann, "/api/v1/videos", MediaClient.body("upload_id", picture, "title", "Pic")),
                422, "wrong_upload_purpose");
        assertError(client.post(ann, "/api/v1/videos", MediaClient.body("upload_id", UUID.randomUUID().toString(),
                "title", "Nothing")), 422, "unknown_upload");
        assertError(client.post(ann, "/api/v1/videos", MediaClient.body("upload_id", "abc", "title", "x")), 400,
                "validation_failed");
        assertError(client.post(ann, "/api/v1/videos", MediaClient.body("upload_id", pending)), 400,
                "validation_failed");
        assertError(client.post(ann, "/api/v1/videos", MediaClient.body("upload_id", pending, "title", "x",
                "visibility", "everyone")), 400, "validation_failed");
        assertError(client.get(ann, "/api/v1/videos"), 400, "invalid_parameter");
        assertError(client.get(ann, "/api/v1/videos?creator=" + ann.id() + "&cursor=garbage"), 400,
                "invalid_cursor");
    }

    @Test
    void aRetriedCreationWithTheSameIdempotencyKeyCreatesOneVideo() {
        TestIdentity.User ann = TestIdentity.newUser();
        String upload = client.uploadCompleted(ann, "video", "video/mp4", clip);
        String body = MediaClient.body("upload_id", upload, "title", "Once");
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(service.uri("/api/v1/videos"))
                .header("Content-Type", "application/json").header("Authorization", ann.bearer())
                .header("Idempotency-Key", "create-once-1")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> first = service.send(request);
        HttpResponse<String> retry = service.send(request);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(MediaClient.json(retry).path("id").asText()).isEqualTo(MediaClient.json(first).path("id").asText());
        assertThat(MediaClient.json(client.get(ann, "/api/v1/videos?creator=" + ann.id())).path("items").size())
                .isEqualTo(1);
    }

    @Test
    void aCreatorsVideosArePagedNewestFirst() throws Exception {
        TestIdentity.User ann = TestIdentity.newUser();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(0, createVideo(ann, client.uploadCompleted(ann, "video", "video/mp4", clip), "v" + i, "public")
                    .path("id").asText());
        }
        List<String> seen = new ArrayList<>();
        String path = "/api/v1/videos?creator=" + ann.id() + "&limit=2";
        HttpResponse<String> first = client.get(ann, path);
        JsonNode page = MediaClient.json(first);
        page.path("items").forEach(item -> seen.add(item.path("id").asText()));
        assertThat(first.headers().firstValue("Link")).hasValueSatisfying(link -> assertThat(link).contains("rel=\"next\""));
        JsonNode second = MediaClient.json(client.get(ann, path + "&cursor=" + page.path("next_cursor").asText()));
        second.path("items").forEach(item -> seen.add(item.path("id").asText()));
        assertThat(second.path("next_cursor").isNull()).isTrue();
        assertThat(seen).containsExactlyElementsOf(ids);
    }

    // --- reels ---

    @Test
    void reelsFeedShowsPublishedReelsNewestFirstAndOnlyTheCreatorDeletes() throws Exception {
        TestIdentity.User ann = TestIdentity.newUser();
        TestIdentity.User bob = TestIdentity.newUser();
        JsonNode older = readyReel(ann, "first #reel");
        JsonNode newer = readyReel(bob, "second");
        assertThat(newer.path("status").asText()).isEqualTo("ready");
        assertThat(newer.path("audio").asText()).isEqualTo("Original audio");
        assertThat(MediaClient.names(newer)).containsKeys("original", "thumbnail", "playback");
        assertThat(events.await(older.path("id").asText(), EventTypes.REEL_PUBLISHED)).isNotNull();

        JsonNode page = MediaClient.json(client.get(ann, "/api/v1/reels?limit=1"));
        assertThat(page.path("items").get(0).path("id").asText()).isEqualTo(newer.path("id").asText());
        JsonNode next = MediaClient.json(client.get(ann, "/api/v1/reels?limit=1&cursor="
                + page.path("next_cursor").asText()));
        assertThat(next.path("items").get(0).path("id").asText()).isEqualTo(older.path("id").asText());

        String path = "/api/v1/reels/" + older.path("id").asText();
        assertThat(client.get(bob, path).statusCode()).isEqualTo(200);
        assertError(client.delete(bob, path), 403, "forbidden");
        assertThat(client.delete(ann, path).statusCode()).isEqualTo(204);
        assertError(client.get(ann, path), 404, "not_found");
        assertError(client.post(ann, "/api/v1/reels", MediaClient.body("upload_id", UUID.randomUUID().toString(),
                "caption", "x".repeat(2201))), 400, "validation_failed");
    }

    // --- gRPC ---

    @Test
    void grpcHydratesUpToAHundredMediaWithUrls() throws Exception {
        TestIdentity.User ann = TestIdentity.newUser();
        String picture = client.uploadCompleted(ann, "image", "image/png", TestFiles.image("png", 640, 480));
        client.awaitProcessed(ann, "/api/v1/uploads/" + picture);
        String pending = MediaClient.json(client.createUpload(ann, "p.png", "image/png", 10, "image"))
                .path("upload_id").asText();

        GetMediaResponse response = grpc.getMedia(GetMediaRequest.newBuilder().addMediaIds(picture)
                .addMediaIds(pending).addMediaIds(UUID.randomUUID().toString()).addMediaIds("nonsense").build());
        assertThat(response.getMediaList()).extracting(Media::getId).containsExactlyInAnyOrder(picture, pending);
        Media ready = response.getMediaList().stream().filter(m -> m.getId().equals(picture)).findFirst().orElseThrow();
        assertThat(ready.getOwnerId()).isEqualTo(ann.id());
        assertThat(ready.getType()).isEqualTo(MediaType.MEDIA_TYPE_IMAGE);
        assertThat(ready.getStatus()).isEqualTo(MediaStatus.MEDIA_STATUS_READY);
        assertThat(ready.getWidth()).isEqualTo(640);
        assertThat(ready.getRenditionsList()).extracting(r -> r.getName()).containsExactly("original", "thumbnail");
        assertThat(MediaClient.download(ready.getRenditions(1).getUrl()).statusCode()).isEqualTo(200);
        assertThat(ready.getUrlsExpireAt().getSeconds()).isGreaterThan(System.currentTimeMillis() / 1000);
        Media notYet = response.getMediaList().stream().filter(m -> m.getId().equals(pending)).findFirst().orElseThrow();
        assertThat(notYet.getStatus()).isEqualTo(MediaStatus.MEDIA_STATUS_PENDING);
        assertThat(notYet.getRenditionsList()).isEmpty();

        GetMediaRequest.Builder tooMany = GetMediaRequest.newBuilder();
        for (int i = 0; i < 101; i++) {
            tooMany.addMediaIds(UUID.randomUUID().toString());
        }
        assertThatThrownBy(() -> grpc.getMedia(tooMany.build())).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void grpcClaimsOnlyTheOwnersReadyUnclaimedMedia() throws Exception {
        TestIdentity.User ann = TestIdentity.newUser();
        TestIdentity.User bob = TestIdentity.newUser();
        String picture = client.uploadCompleted(ann, "image", "image/png", TestFiles.image("png", 64, 64));
        client.awaitProcessed(ann, "/api/v1/uploads/" + picture);
        String post = "post:" + UUID.randomUUID();

        assertClaimFails(bob.id(), picture, post, io.grpc.Status.Code.PERMISSION_DENIED);
        var claimed = grpc.claimMedia(ClaimMediaRequest.newBuilder().setOwnerId(ann.id()).addMediaIds(picture)
                .setClaimant(post).build());
        assertThat(claimed.getMedia(0).getClaimedBy()).isEqualTo(post);
        // The same claimant again: a safe retry.
        assertThat(grpc.claimMedia(ClaimMediaRequest.newBuilder().setOwnerId(ann.id()).addMediaIds(picture)
                .setClaimant(post).build()).getMediaCount()).isEqualTo(1);
        assertClaimFails(ann.id(), picture, "post:other", io.grpc.Status.Code.FAILED_PRECONDITION);

        String pending = MediaClient.json(client.createUpload(ann, "p.png", "image/png", 10, "image"))
                .path("upload_id").asText();
        assertClaimFails(ann.id(), pending, post, io.grpc.Status.Code.FAILED_PRECONDITION);
        assertClaimFails(ann.id(), UUID.randomUUID().toString(), post, io.grpc.Status.Code.NOT_FOUND);
        assertClaimFails(ann.id(), picture, "", io.grpc.Status.Code.INVALID_ARGUMENT);

        // Released by another claimant: nothing happens. Released by its claimant: free to claim again.
        assertThat(grpc.releaseMedia(ReleaseMediaRequest.newBuilder().addMediaIds(picture).setClaimant("post:other")
                .build()).getReleasedIdsList()).isEmpty();
        assertThat(grpc.releaseMedia(ReleaseMediaRequest.newBuilder().addMediaIds(picture).setClaimant(post)
                .build()).getReleasedIdsList()).containsExactly(picture);
        assertThat(grpc.releaseMedia(ReleaseMediaRequest.newBuilder().addMediaIds(picture).setClaimant(post)
                .build()).getReleasedIdsList()).isEmpty();
        assertThat(grpc.claimMedia(ClaimMediaRequest.newBuilder().setOwnerId(ann.id()).addMediaIds(picture)
                .setClaimant("post:other").build()).getMedia(0).getClaimedBy()).isEqualTo("post:other");

        // On someone's behalf, only their own media.
        String fresh = client.uploadCompleted(ann, "image", "image/png", TestFiles.image("png", 64, 64));
        client.awaitProcessed(ann, "/api/v1/uploads/" + fresh);
        var asBob = grpc.withCallCredentials(io.nova.kernel.grpc.GrpcIdentity.onBehalfOf(
                new io.nova.kernel.auth.NovaPrincipal(bob.id(), "t", java.time.Instant.now().plusSeconds(60),
                        bob.accessToken())));
        assertThatThrownBy(() -> asBob.claimMedia(ClaimMediaRequest.newBuilder().setOwnerId(ann.id())
                .addMediaIds(fresh).setClaimant(post).build())).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.PERMISSION_DENIED));
        assertThatThrownBy(() -> asBob.releaseMedia(ReleaseMediaRequest.newBuilder().addMediaIds(picture)
                .setClaimant("post:other").build())).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.PERMISSION_DENIED));
    }

    private void assertClaimFails(String owner, String mediaId, String claimant, io.grpc.Status.Code code) {
        assertThatThrownBy(() -> grpc.claimMedia(ClaimMediaRequest.newBuilder().setOwnerId(owner)
                .addMediaIds(mediaId).setClaimant(claimant).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(code));
    }
}
