package io.nova.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nova.kernel.grpc.GrpcChannels;
import io.nova.media.MediaServiceApplication;
import io.nova.proto.messaging.v1.ConfirmMessagesRequest;
import io.nova.proto.messaging.v1.MessagingServiceGrpc;
import io.nova.testing.ApiClient;
import io.nova.testing.MediaHolders;
import io.nova.testing.MediaUploads;
import io.nova.testing.PeerServices;
import io.nova.testing.People;
import io.nova.testing.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MessagingService.ConfirmMessages answers media-service's claim sweep finally, and the sweep, run by a real
 * media-service replica against this messaging-service, releases exactly the claims of messages that were never
 * written — never the media of a message that exists.
 */
class ConfirmMessagesTest extends RunningMessagingStack {

    private ManagedChannel channel;
    private MessagingServiceGrpc.MessagingServiceBlockingStub grpc;
    private MediaHolders holders;
    private MediaUploads uploads;

    @BeforeAll
    void connect() {
        channel = GrpcChannels.open("127.0.0.1:" + messaging.grpcPort(), Duration.ofSeconds(10),
                MessagingServiceGrpc.getServiceDescriptor());
        grpc = MessagingServiceGrpc.newBlockingStub(channel);
        holders = new MediaHolders(peers.media);
        uploads = new MediaUploads(peers.media);
    }

    @AfterAll
    void disconnect() {
        if (channel != null) {
            channel.shutdownNow();
        }
        if (holders != null) {
            holders.close();
        }
    }

    private List<String> confirm(String... ids) {
        return grpc.confirmMessages(ConfirmMessagesRequest.newBuilder().addAllMessageIds(List.of(ids)).build())
                .getExistingMessageIdsList();
    }

    @Test
    void messagesAreConfirmedAsAskedOthersAreGivenUpForGoodAndAtMost100AreTaken() throws SQLException {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String direct = start(ann, null, bob);
        String message = ApiClient.json(http.send("POST", "/api/v1/conversations/" + direct + "/messages",
                ann.token(), ApiClient.body("text", "exists"))).path("id").asText();
        UUID never = UUID.randomUUID();

        assertThat(confirm(message.toUpperCase(), never.toString(), "nonsense", ""))
                .containsExactly(message.toUpperCase());
        assertThat(abandoned(never)).isTrue();
        assertThat(abandoned(UUID.fromString(message))).isFalse();
        assertThat(confirm(never.toString())).as("the same answer again").isEmpty();
        assertThatThrownBy(() -> confirm(Collections.nCopies(101, message).toArray(String[]::new)))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void theSweepReleasesTheClaimsOfMessagesNeverWrittenAndKeepsTheOthers() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String direct = start(ann, null, bob);
        String kept = uploads.readyImage(ann.token(), 16, 16);
        String orphaned = uploads.readyImage(ann.token(), 16, 16);
        JsonNode sent = ApiClient.json(http.send("POST", "/api/v1/conversations/" + direct + "/messages",
                ann.token(), ApiClient.body("media_ids", List.of(kept))));
        String message = sent.path("id").asText();
        // What a send leaves behind when its process dies between the claim and the row: claimed, never written.
        UUID neverWritten = UUID.randomUUID();
        holders.claim(ann.id(), orphaned, "message:" + neverWritten);

        try (RunningService<?> sweeping = PeerServices.startMedia(MediaServiceApplication.class, peers.mediaPlatform,
                ConfigOverride.config("media.messagingServiceTarget", "127.0.0.1:" + messaging.grpcPort()),
                ConfigOverride.config("media.claimGracePeriod", "1s"),
                ConfigOverride.config("media.claimSweepInterval", "100ms"))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!holders.claimedBy(orphaned).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(holders.claimedBy(orphaned)).as("the claim of a message never written").isEmpty();
            assertThat(holders.claimedBy(kept)).isEqualTo("message:" + message);
        }
        assertThat(abandoned(neverWritten)).isTrue();
        // The released media is usable again.
        assertThat(http.send("POST", "/api/v1/conversations/" + direct + "/messages", ann.token(),
                ApiClient.body("media_ids", List.of(orphaned))).statusCode()).isEqualTo(201);
    }

    private boolean abandoned(UUID id) throws SQLException {
        try (var connection = platform.connect(); var query = connection.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM abandoned_messages WHERE id = ?)")) {
            query.setObject(1, id);
            try (var row = query.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }
}
