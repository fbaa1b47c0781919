package io.nova.media;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.ErrorKind;
import io.nova.kernel.grpc.GrpcChannels;
import io.nova.kernel.grpc.GrpcErrors;
import io.nova.kernel.grpc.GrpcIdentity;
import io.nova.proto.media.v1.ClaimMediaRequest;
import io.nova.proto.media.v1.GetMediaRequest;
import io.nova.proto.media.v1.MediaServiceGrpc;
import io.nova.testing.RunningService;
import io.nova.testing.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ClaimMedia's refusals as other services read them over the wire (through the kernel's {@link GrpcErrors}):
 * kind, code, message and the {@code media_id} detail are a contract content-service and messaging-service rely on.
 * Pictures only, so it needs no ffmpeg.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NovaPlatformExtension.class)
class ClaimMediaContractTest {

    private RunningService<MediaServiceConfiguration> service;
    private MediaClient client;
    private ManagedChannel channel;
    private MediaServiceGrpc.MediaServiceBlockingStub grpc;

    @BeforeAll
    void start(TestPlatform platform) {
        service = MediaTestSupport.start(platform);
        client = new MediaClient(service);
        channel = GrpcChannels.open("127.0.0.1:" + service.grpcPort(), Duration.ofSeconds(10),
                MediaServiceGrpc.getServiceDescriptor());
        grpc = MediaServiceGrpc.newBlockingStub(channel);
    }

    @AfterAll
    void stop() {
        if (channel != null) {
            channel.shutdownNow();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void eachRefusalNamesTheMediaWithItsKindCodeAndMessage() throws Exception {
        TestIdentity.User ann = TestIdentity.newUser();
        TestIdentity.User bob = TestIdentity.newUser();
        String picture = readyPicture(ann);
        String unknown = UUID.randomUUID().toString();

        assertRefused(() -> claim(ann.id(), "post:1", unknown), ErrorKind.NOT_FOUND, "media_not_found",
                "media " + unknown + " does not exist", unknown);
        assertRefused(() -> claim(ann.id(), "post:1", "nonsense"), ErrorKind.NOT_FOUND, "media_not_found",
                "media nonsense does not exist", "nonsense");
        assertRefused(() -> claim(bob.id(), "post:1", picture), ErrorKind.FORBIDDEN, "media_not_yours",
                "media " + picture + " belongs to someone else", picture);

        String pending = MediaClient.json(client.createUpload(ann, "p.png", "image/png", 10, "image"))
                .path("upload_id").asText();
        assertRefused(() -> claim(ann.id(), "post:1", pending), ErrorKind.UNPROCESSABLE, "media_not_ready",
                "media " + pending + " is pending, not ready", pending);

        claim(ann.id(), "post:1", picture);
        assertRefused(() -> claim(ann.id(), "post:2", picture), ErrorKind.UNPROCESSABLE, "media_in_use",
                "media " + picture + " is already used by post:1", picture);
    }

    @Test
    void aClaimIsAllOrNothing() throws Exception {
        TestIdentity.User ann = TestIdentity.newUser();
        String picture = readyPicture(ann);
        String unknown = UUID.randomUUID().toString();

        assertRefused(() -> claim(ann.id(), "post:1", picture, unknown), ErrorKind.NOT_FOUND, "media_not_found",
                "media " + unknown + " does not exist", unknown);
        assertThat(grpc.getMedia(GetMediaRequest.newBuilder().addMediaIds(picture).build()).getMedia(0)
                .getClaimedBy()).isEmpty();
    }

    @Test
    void malformedRequestsAreInvalidAndNameTheField() throws Exception {
        TestIdentity.User ann = TestIdentity.newUser();
        String picture = readyPicture(ann);

        assertInvalid(() -> claim("", "post:1", picture), "owner_id");
        assertInvalid(() -> claim(ann.id(), "", picture), "claimant");
        assertInvalid(() -> claim(ann.id(), "x".repeat(101), picture), "claimant");
        assertInvalid(() -> claim(ann.id(), "post:1"), "media_ids");
    }

    @Test
    void onAUsersBehalfOnlyTheirOwnMediaIsClaimed() throws Exception {
        TestIdentity.User ann = TestIdentity.newUser();
        TestIdentity.User bob = TestIdentity.newUser();
        String picture = readyPicture(ann);
        var asBob = grpc.withCallCredentials(GrpcIdentity.onBehalfOf(new NovaPrincipal(bob.id(), "t",
                Instant.now().plusSeconds(60), bob.accessToken())));

        assertThatThrownBy(() -> asBob.claimMedia(ClaimMediaRequest.newBuilder().setOwnerId(ann.id())
                .addMediaIds(picture).setClaimant("post:1").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    DomainException refused = GrpcErrors.fromStatus("media-service", e);
                    assertThat(refused.kind()).isEqualTo(ErrorKind.FORBIDDEN);
                    assertThat(refused.getMessage()).isEqualTo("a user may only claim their own media");
                });
    }

    private String readyPicture(TestIdentity.User user) throws InterruptedException {
        String picture = client.uploadCompleted(user, "image", "image/png", TestFiles.image("png", 64, 64));
        assertThat(client.awaitProcessed(user, "/api/v1/uploads/" + picture).path("status").asText())
                .isEqualTo("ready");
        return picture;
    }

    private void claim(String owner, String claimant, String... mediaIds) {
        grpc.claimMedia(ClaimMediaRequest.newBuilder().setOwnerId(owner).setClaimant(claimant)
                .addAllMediaIds(List.of(mediaIds)).build());
    }

    private static void assertRefused(Executable call, ErrorKind kind, String code, String message, String mediaId) {
        DomainException refused = refusal(call);
        assertThat(refused.kind()).isEqualTo(kind);
        assertThat(refused.code()).isEqualTo(code);
        assertThat(refused.getMessage()).isEqualTo(message);
        assertThat(refused.details()).isEqualTo(Map.of("media_id", mediaId));
    }

    private static void assertInvalid(Executable call, String field) {
        DomainException refused = refusal(call);
        assertThat(refused.kind()).isEqualTo(ErrorKind.INVALID);
        assertThat(refused.details()).containsEntry("field", field);
    }

    /** The refusal the call ends with, read as another service reads it; a success or any other failure fails. */
    private static DomainException refusal(Executable call) {
        StatusRuntimeException refused = org.assertj.core.api.Assertions
                .catchThrowableOfType(StatusRuntimeException.class, call::execute);
        assertThat(refused).as("expected a gRPC refusal, the call succeeded").isNotNull();
        return GrpcErrors.fromStatus("media-service", refused);
    }
}
