package io.nova.content;

import io.dropwizard.testing.ConfigOverride;
import io.nova.media.MediaServiceConfiguration;
import io.nova.testing.MediaHolders;
import io.nova.testing.ApiClient;
import io.nova.testing.People;
import io.nova.testing.MediaUploads;
import io.nova.testing.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * media-service's sweep of claims whose owner never came to exist, against the real content-service: two more
 * media-service replicas on the same database sweep at once (a 1 s grace period, every 100 ms) and must release
 * exactly the claims of posts that do not exist — never one whose post does, deleted or not.
 */
class ClaimSweepTest extends RunningContentStack {

    private MediaUploads uploads;
    private MediaHolders holders;

    @BeforeAll
    void start() {
        uploads = new MediaUploads(stack.media);
        holders = new MediaHolders(stack.media);
    }

    @AfterAll
    void stop() {
        if (holders != null) {
            holders.close();
        }
    }

    private String post(People.Person author, String mediaId) {
        HttpResponse<String> posted = http.send("POST", "/api/v1/posts", author.token(),
                ApiClient.body("text", "with media", "media_ids", List.of(mediaId)));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        return ApiClient.json(posted).path("id").asText();
    }

    private RunningService<MediaServiceConfiguration> sweepingReplica() {
        return ContentStack.startMedia(stack.mediaPlatform,
                ConfigOverride.config("media.contentServiceTarget", "127.0.0.1:" + stack.content.grpcPort()),
                ConfigOverride.config("media.claimGracePeriod", "1s"),
                ConfigOverride.config("media.claimSweepInterval", "100ms"));
    }

    @Test
    void claimsOfPostsThatNeverExistedAreReleasedAndClaimsOfPostsThatExistAreKept() throws Exception {
        People.Person ann = people.register();
        String kept = uploads.readyImage(ann.token(), 32, 24);
        String keptByDeleted = uploads.readyImage(ann.token(), 32, 24);
        String orphaned = uploads.readyImage(ann.token(), 32, 24);
        String malformed = uploads.readyImage(ann.token(), 32, 24);

        String live = post(ann, kept);
        String deleted = post(ann, keptByDeleted);
        assertThat(http.send("DELETE", "/api/v1/posts/" + deleted, ann.token(), null).statusCode()).isEqualTo(204);
        // What a create leaves behind when its process dies between the claim and the row: claimed, never posted.
        String neverPosted = UUID.randomUUID().toString();
        holders.claim(ann.id(), orphaned, "post:" + neverPosted);
        holders.claim(ann.id(), malformed, "post:not-a-post-id");

        try (RunningService<MediaServiceConfiguration> first = sweepingReplica();
             RunningService<MediaServiceConfiguration> second = sweepingReplica()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!(holders.claimedBy(orphaned).isEmpty() && holders.claimedBy(malformed).isEmpty())
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(holders.claimedBy(orphaned)).as("the claim of a post that never existed").isEmpty();
            assertThat(holders.claimedBy(malformed)).as("a claimant that names no post").isEmpty();
            // Older than the released ones, so asked about in the same pass or before: confirmed, never released.
            assertThat(holders.claimedBy(kept)).isEqualTo("post:" + live);
            assertThat(holders.claimedBy(keptByDeleted)).isEqualTo("post:" + deleted);
            assertThat(confirmed(kept)).isTrue();
            assertThat(confirmed(keptByDeleted)).isTrue();
        }

        // The released media is usable again, and the id it was held for can never become a post.
        String reused = post(ann, orphaned);
        assertThat(holders.claimedBy(orphaned)).isEqualTo("post:" + reused);
        assertThat(abandoned(neverPosted)).isTrue();
        assertThat(abandoned(live)).isFalse();
    }

    private boolean confirmed(String mediaId) throws SQLException {
        return flag(stack.mediaPlatform.connect(), "SELECT claim_confirmed FROM media WHERE id = ?::uuid", mediaId);
    }

    private boolean abandoned(String postId) throws SQLException {
        return flag(platform.connect(), "SELECT EXISTS (SELECT 1 FROM abandoned_posts WHERE id = ?::uuid)", postId);
    }

    private static boolean flag(Connection connection, String query, String id) throws SQLException {
        try (Connection db = connection; PreparedStatement statement = db.prepareStatement(query)) {
            statement.setString(1, id);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getBoolean(1);
            }
        }
    }
}
