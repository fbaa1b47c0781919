package io.nova.content;

import io.nova.testing.MediaHolders;
import io.nova.testing.ApiClient;
import io.nova.testing.People;
import io.nova.testing.MediaUploads;
import io.nova.testing.WriteFailures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A post whose row cannot be written gives back the media it claimed in media-service (issue #12, item 3). The
 * write really fails: a trigger the test installs in content-service's database raises for one marker text, as
 * a constraint or an outage would, after the claim was made.
 */
class ClaimCompensationTest extends RunningContentStack {

    private static final String MARKER = "this post cannot be written";

    private MediaUploads uploads;
    private MediaHolders holders;

    @BeforeAll
    void start() throws SQLException {
        uploads = new MediaUploads(stack.media);
        holders = new MediaHolders(stack.media);
        WriteFailures.refuse(platform, "posts", "INSERT", "text", MARKER);
    }

    @AfterAll
    void stop() {
        if (holders != null) {
            holders.close();
        }
    }

    private HttpResponse<String> create(People.Person author, String text, String... mediaIds) {
        return http.send("POST", "/api/v1/posts", author.token(),
                ApiClient.body("text", text, "media_ids", List.of(mediaIds)));
    }

    @Test
    void aPostThatCannotBeWrittenGivesItsMediaBackAndTheMediaCanBeUsedAgain() {
        People.Person ann = people.register();
        String first = uploads.readyImage(ann.token(), 32, 24);
        String second = uploads.readyImage(ann.token(), 32, 24);

        HttpResponse<String> failed = create(ann, MARKER, first, second);
        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(500);
        assertThat(ApiClient.json(failed).path("error").asText()).isEqualTo("internal_error");
        assertThat(holders.claimedBy(first)).isEmpty();
        assertThat(holders.claimedBy(second)).isEmpty();

        HttpResponse<String> posted = create(ann, "the same media, a post that can be written", second, first);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        String post = ApiClient.json(posted).path("id").asText();
        assertThat(holders.claimedBy(first)).isEqualTo("post:" + post);
        assertThat(holders.claimedBy(second)).isEqualTo("post:" + post);
    }

    @Test
    void aFailedPostLeavesMediaHeldByAnotherPostAlone() {
        People.Person ann = people.register();
        String used = uploads.readyImage(ann.token(), 32, 24);
        HttpResponse<String> posted = create(ann, "first use", used);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        String post = ApiClient.json(posted).path("id").asText();

        // Refused by media-service before any write: nothing was claimed, and the other post keeps its media.
        HttpResponse<String> refused = create(ann, MARKER, used);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(holders.claimedBy(used)).isEqualTo("post:" + post);
    }
}
