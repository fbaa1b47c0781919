package io.nova.content;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.testing.People;
import io.nova.testing.ApiClient;
import io.nova.testing.MediaUploads;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Posts with media: claimed in the real media-service, hydrated with URLs that really download. */
class PostMediaTest extends RunningContentStack {

    private MediaUploads uploads;

    @BeforeAll
    void startUploads() {
        uploads = new MediaUploads(stack.media);
    }

    private HttpResponse<String> create(People.Person author, Object... fields) {
        return http.send("POST", "/api/v1/posts", author.token(), ApiClient.body(fields));
    }

    private static void assertRefused(HttpResponse<String> response, String code, String mediaId) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode error = ApiClient.json(response);
        assertThat(error.path("error").asText()).as(response.body()).isEqualTo(code);
        assertThat(error.path("details").path("media_id").asText()).isEqualTo(mediaId);
        assertThat(error.path("message").asText()).contains(mediaId);
    }

    @Test
    void readyMediaOfTheAuthorIsAttachedWithWorkingUrls() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String first = uploads.readyImage(ann.token(), 64, 48);
        String second = uploads.readyImage(ann.token(), 64, 48);

        HttpResponse<String> response = create(ann, "media_ids", List.of(second, first));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String id = ApiClient.json(response).path("id").asText();

        JsonNode post = ApiClient.json(http.get("/api/v1/posts/" + id, bob.token()));
        assertThat(post.path("text").asText()).isEmpty();
        assertThat(post.path("media")).extracting(media -> media.path("id").asText()).containsExactly(second, first);
        JsonNode media = post.path("media").get(0);
        assertThat(media.path("type").asText()).isEqualTo("image");
        assertThat(media.path("thumbnail_url").asText()).startsWith("http");
        HttpResponse<byte[]> image = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(media.path("url").asText())).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body().length).isPositive();

        JsonNode timeline = ApiClient.json(http.get("/api/v1/posts?author=" + ann.id(), bob.token()));
        assertThat(timeline.path("items").get(0).path("media")).hasSize(2);
    }

    @Test
    void mediaThatIsNotTheAuthorsNotReadyOrUsedIsRefusedByName() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String bobs = uploads.readyImage(bob.token(), 64, 48);
        assertRefused(create(ann, "text", "stolen", "media_ids", List.of(bobs)), "media_not_yours", bobs);

        String pending = uploads.pendingImage(ann.token());
        assertRefused(create(ann, "text", "too soon", "media_ids", List.of(pending)), "media_not_usable", pending);

        String used = uploads.readyImage(ann.token(), 64, 48);
        assertThat(create(ann, "text", "first use", "media_ids", List.of(used)).statusCode()).isEqualTo(201);
        assertRefused(create(ann, "text", "second use", "media_ids", List.of(used)), "media_not_usable", used);

        // Nothing was posted by the refused requests.
        JsonNode timeline = ApiClient.json(http.get("/api/v1/posts?author=" + ann.id(), ann.token()));
        assertThat(timeline.path("items")).hasSize(1);
    }
}
