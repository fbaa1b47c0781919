package io.nova.user;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.grpc.ManagedChannel;
import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import io.nova.kernel.grpc.GrpcChannels;
import io.nova.media.MediaServiceApplication;
import io.nova.media.MediaServiceConfiguration;
import io.nova.proto.media.v1.GetMediaRequest;
import io.nova.proto.media.v1.MediaServiceGrpc;
import io.nova.proto.user.v1.GetUserSummariesRequest;
import io.nova.proto.user.v1.UserServiceGrpc;
import io.nova.testing.ApiClient;
import io.nova.testing.MediaUploads;
import io.nova.testing.RunningService;
import io.nova.testing.TestIdentity;
import io.nova.testing.WriteFailures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Avatars: checked and claimed in the real media-service, served as its presigned thumbnail URL, and given back
 * when the profile cannot be written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NovaPlatformExtension.class)
class AvatarApiTest {

    private TestPlatform platform;
    private RunningService<MediaServiceConfiguration> media;
    private RunningService<UserServiceConfiguration> service;
    private ApiClient http;
    private TestUsers users;
    private MediaUploads uploads;

    @BeforeAll
    void start(TestPlatform platform) {
        this.platform = platform;
        TestPlatform mediaPlatform = platform.forAnotherService("media-service");
        media = RunningService.start(MediaServiceApplication.class, mediaPlatform,
                ConfigOverride.config("jwt.publicKeys", TestIdentity.publicPem()),
                // The media topic is shared by every test class of the JVM: this class's own consumer group.
                ConfigOverride.config("media.processingConsumer", "processing-" + mediaPlatform.database()));
        service = RunningService.start(UserServiceApplication.class, platform, TestUsers.serviceOverrides(
                ConfigOverride.config("avatars.mediaServiceTarget", "127.0.0.1:" + media.grpcPort())));
        http = new ApiClient(service);
        users = new TestUsers(http);
        uploads = new MediaUploads(media);
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
        if (media != null) {
            media.close();
        }
    }

    private HttpResponse<String> setAvatar(TestUsers.User user, String mediaId) {
        return http.send("PATCH", "/api/v1/users/me", user.token(), ApiClient.body("avatar_media_id", mediaId));
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(ApiClient.json(response).path("error").asText()).as(response.body()).isEqualTo(code);
    }

    @Test
    void ownReadyImageBecomesTheAvatarWithADownloadableThumbnail() throws Exception {
        TestUsers.User ann = users.register();
        String image = uploads.readyImage(ann.token(), 800, 600);
        HttpResponse<String> response = setAvatar(ann, image);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(ApiClient.json(response).path("avatar_media_id").asText()).isEqualTo(image);

        TestUsers.User bob = users.register();
        JsonNode seen = ApiClient.json(http.get("/api/v1/users/" + ann.id(), bob.token()));
        String url = seen.path("avatar_url").asText();
        assertThat(url).contains("X-Amz-Signature");
        HttpResponse<byte[]> thumbnail = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        var decoded = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(thumbnail.body()));
        assertThat(decoded.getWidth()).isEqualTo(320);

        ManagedChannel channel = GrpcChannels.open("127.0.0.1:" + service.grpcPort(), Duration.ofSeconds(5),
                UserServiceGrpc.getServiceDescriptor());
        try {
            String summaryUrl = UserServiceGrpc.newBlockingStub(channel).getUserSummaries(GetUserSummariesRequest
                    .newBuilder().addUserIds(ann.id()).build()).getUsers(0).getAvatarUrl();
            assertThat(summaryUrl).isEqualTo(url);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }

        HttpResponse<String> removed = http.send("PATCH", "/api/v1/users/me", ann.token(), "{\"avatar_media_id\":null}");
        assertThat(ApiClient.json(removed).path("avatar_url").isNull()).isTrue();
    }

    @Test
    void someoneElsesMediaIsRefused() {
        TestUsers.User ann = users.register();
        TestUsers.User mallory = users.register();
        String image = uploads.readyImage(ann.token(), 64, 64);
        assertError(setAvatar(mallory, image), 403, "forbidden");
        assertThat(ApiClient.json(http.get("/api/v1/users/me", mallory.token())).path("avatar_media_id").isNull()).isTrue();
    }

    @Test
    void unknownOrUnfinishedMediaIsRefused() {
        TestUsers.User ann = users.register();
        assertError(setAvatar(ann, UUID.randomUUID().toString()), 422, "avatar_not_found");
        assertError(setAvatar(ann, uploads.pendingImage(ann.token())), 422, "media_not_ready");
    }

    @Test
    void aProfileThatCannotBeWrittenGivesBackTheAvatarItClaimedButNotOneItHeldBefore() throws Exception {
        String marker = "this profile cannot be written";
        // The write really fails after the claim: a trigger raises for one marker name, as an outage would.
        WriteFailures.refuse(platform, "users", "UPDATE", "display_name", marker);
        TestUsers.User ann = users.register();
        String image = uploads.readyImage(ann.token(), 64, 64);
        ManagedChannel channel = GrpcChannels.open("127.0.0.1:" + media.grpcPort(), Duration.ofSeconds(5),
                MediaServiceGrpc.getServiceDescriptor());
        try {
            MediaServiceGrpc.MediaServiceBlockingStub grpc = MediaServiceGrpc.newBlockingStub(channel);
            java.util.function.Supplier<String> holder = () -> grpc.getMedia(GetMediaRequest.newBuilder()
                    .addMediaIds(image).build()).getMedia(0).getClaimedBy();

            HttpResponse<String> failed = http.send("PATCH", "/api/v1/users/me", ann.token(),
                    ApiClient.body("display_name", marker, "avatar_media_id", image));
            assertError(failed, 500, "internal_error");
            assertThat(holder.get()).isEmpty();

            assertThat(setAvatar(ann, image).statusCode()).isEqualTo(200);
            assertThat(holder.get()).isEqualTo("avatar:" + ann.id());
            // The same avatar again in a write that fails: the claim was the profile's before, so it stays.
            assertError(http.send("PATCH", "/api/v1/users/me", ann.token(),
                    ApiClient.body("display_name", marker, "avatar_media_id", image)), 500, "internal_error");
            assertThat(holder.get()).isEqualTo("avatar:" + ann.id());
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void withMediaServiceDownAnAvatarCannotBeSetButProfilesStillRead() {
        RunningService<UserServiceConfiguration> lonely = RunningService.start(UserServiceApplication.class,
                platform, TestUsers.serviceOverrides(
                        ConfigOverride.config("avatars.mediaServiceTarget", "127.0.0.1:1"),
                        ConfigOverride.config("avatars.grpcDeadline", "500ms")));
        try {
            ApiClient lonelyHttp = new ApiClient(lonely);
            TestUsers.User ann = new TestUsers(lonelyHttp).register();
            HttpResponse<String> response = lonelyHttp.send("PATCH", "/api/v1/users/me", ann.token(),
                    ApiClient.body("avatar_media_id", UUID.randomUUID().toString()));
            assertError(response, 503, "media_service_unavailable");
            assertThat(lonelyHttp.get("/api/v1/users/me", ann.token()).statusCode()).isEqualTo(200);
        } finally {
            lonely.close();
        }
    }
}
