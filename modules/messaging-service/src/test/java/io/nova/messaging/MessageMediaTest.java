package io.nova.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.testing.ApiClient;
import io.nova.testing.MediaUploads;
import io.nova.testing.People;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages with media, claimed in the real media-service: only the sender's ready media, by name otherwise, and
 * given back when the message is deleted or could not be written.
 */
class MessageMediaTest extends RunningMessagingStack {

    private MediaUploads uploads;

    @BeforeAll
    void startUploads() {
        uploads = new MediaUploads(peers.media);
    }

    private static void assertRefused(HttpResponse<String> response, String code, String mediaId) {
        assertError(response, 422, code);
        assertThat(ApiClient.json(response).path("details").path("media_id").asText()).isEqualTo(mediaId);
        assertThat(ApiClient.json(response).path("message").asText()).contains(mediaId);
    }

    @Test
    void theSendersReadyMediaComesWithTheMessageInOrder() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String direct = start(ann, null, bob);
        String first = uploads.readyImage(ann.token(), 64, 48);
        String second = uploads.readyImage(ann.token(), 32, 32);
        HttpResponse<String> response = send(ann, direct, "media_ids", List.of(second, first));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode message = ApiClient.json(response);
        assertThat(message.path("text").asText()).isEmpty();
        assertThat(message.path("media")).extracting(m -> m.path("id").asText()).containsExactly(second, first);
        assertThat(message.path("media").get(0).path("type").asText()).isEqualTo("image");
        assertThat(message.path("media").get(0).path("url").asText()).startsWith("http");

        JsonNode read = get(bob, "/api/v1/conversations/" + direct + "/messages").path("items").get(0);
        assertThat(read.path("media")).extracting(m -> m.path("id").asText()).containsExactly(second, first);
        assertThat(events(direct, "message.created").get(0).data().path("media")).hasSize(2);
        assertThat(get(bob, "/api/v1/conversations").path("items").get(0).path("last_message").path("media_count")
                .asInt()).isEqualTo(2);
    }

    @Test
    void mediaThatIsNotTheSendersOrNotReadyOrUsedIsRefusedByName() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String direct = start(ann, null, bob);
        String bobs = uploads.readyImage(bob.token(), 16, 16);
        assertRefused(send(ann, direct, "text", "stolen", "media_ids", List.of(bobs)), "media_not_yours", bobs);
        String pending = uploads.pendingImage(ann.token());
        assertRefused(send(ann, direct, "media_ids", List.of(pending)), "media_not_usable", pending);
        String unknown = UUID.randomUUID().toString();
        assertRefused(send(ann, direct, "media_ids", List.of(unknown)), "media_not_found", unknown);
        assertRefused(send(ann, direct, "media_ids", List.of("junk")), "media_not_found", "junk");
        String used = uploads.readyImage(ann.token(), 16, 16);
        assertThat(send(ann, direct, "media_ids", List.of(used)).statusCode()).isEqualTo(201);
        assertRefused(send(ann, direct, "media_ids", List.of(used)), "media_not_usable", used);

        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(UUID.randomUUID().toString());
        }
        assertError(send(ann, direct, "media_ids", eleven), 400, "validation_failed");
        assertError(send(ann, direct, "media_ids", List.of(used, used)), 400, "validation_failed");
        // Only the one accepted message was written.
        assertThat(get(ann, "/api/v1/conversations/" + direct + "/messages").path("items")).hasSize(1);
    }

    @Test
    void mediaOfADeletedMessageCanBeUsedAgain() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String direct = start(ann, null, bob);
        String image = uploads.readyImage(ann.token(), 16, 16);
        JsonNode message = ApiClient.json(send(ann, direct, "text", "pic", "media_ids", List.of(image)));
        assertThat(http.send("DELETE", "/api/v1/messages/" + message.path("id").asText(), ann.token(), null)
                .statusCode()).isEqualTo(204);
        HttpResponse<String> again = send(ann, direct, "text", "pic again", "media_ids", List.of(image));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(pendingReleases()).isZero();
    }

    @Test
    void mediaClaimedForASendThatFailsIsGivenBack() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String direct = start(ann, null, bob);
        String image = uploads.readyImage(ann.token(), 16, 16);
        // The reply target is checked in the transaction, after the claim: the send fails once media is held.
        assertError(send(ann, direct, "media_ids", List.of(image), "reply_to", UUID.randomUUID().toString()), 422,
                "reply_to_not_found");
        HttpResponse<String> retried = send(ann, direct, "media_ids", List.of(image));
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
        assertThat(ApiClient.json(retried).path("seq").asLong()).isEqualTo(1);
    }

    @Test
    void aReleaseMediaServiceCouldNotTakeIsRetriedUntilItCan() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String direct = start(ann, null, bob);
        String image = uploads.readyImage(ann.token(), 16, 16);
        JsonNode message = ApiClient.json(send(ann, direct, "media_ids", List.of(image)));
        String claimant = "message:" + message.path("id").asText();
        // As if media-service had been down when the message was deleted: the intent is all that is left.
        try (var connection = platform.connect(); var insert = connection.prepareStatement(
                "INSERT INTO media_releases (claimant, media_ids) VALUES (?, ARRAY[?::uuid])")) {
            insert.setString(1, claimant);
            insert.setString(2, image);
            insert.executeUpdate();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (pendingReleases() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(pendingReleases()).isZero();
        // The claim really is gone: another message may use the media.
        assertThat(send(ann, direct, "media_ids", List.of(image)).statusCode()).isEqualTo(201);
    }

    private long pendingReleases() {
        try (var connection = platform.connect();
             var rows = connection.createStatement().executeQuery("SELECT count(*) FROM media_releases")) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
