package io.nova.media.core;

import io.nova.media.db.ReelRow;
import io.nova.media.db.VideoRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Who sees and changes videos and reels, without a server. */
class AudienceTest {

    private static final String CREATOR = "0b9c5a0e-4c4f-4a8e-9d43-2b7f3c1e8a10";
    private static final String OTHER = "7d1f2a3b-0c4d-4e5f-8a9b-1c2d3e4f5a6b";
    private static final Instant PUBLISHED = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void othersSeeAPublishedPublicOrUnlistedVideo() {
        assertThat(Audience.canSee(OTHER, video("public", PUBLISHED))).isTrue();
        assertThat(Audience.canSee(OTHER, video("unlisted", PUBLISHED))).isTrue();
    }

    @Test
    void othersNeverSeeAPrivateVideo() {
        assertThat(Audience.canSee(OTHER, video("private", PUBLISHED))).isFalse();
        assertThat(Audience.canSee(OTHER, video("private", null))).isFalse();
    }

    @Test
    void othersDoNotSeeAVideoBeforeItsMediaIsReady() {
        assertThat(Audience.canSee(OTHER, video("public", null))).isFalse();
        assertThat(Audience.canSee(OTHER, video("unlisted", null))).isFalse();
    }

    @Test
    void theCreatorSeesTheirVideoInEveryState() {
        for (String visibility : new String[] {"public", "unlisted", "private"}) {
            assertThat(Audience.canSee(CREATOR, video(visibility, null))).isTrue();
            assertThat(Audience.canSee(CREATOR, video(visibility, PUBLISHED))).isTrue();
        }
    }

    @Test
    void onlyTheCreatorChangesAVideoEvenAPublicOne() {
        assertThat(Audience.canChange(CREATOR, video("public", PUBLISHED))).isTrue();
        assertThat(Audience.canChange(OTHER, video("public", PUBLISHED))).isFalse();
    }

    @Test
    void reelsAreSeenByOthersOncePublishedAndByTheCreatorAlways() {
        assertThat(Audience.canSee(OTHER, reel(PUBLISHED))).isTrue();
        assertThat(Audience.canSee(OTHER, reel(null))).isFalse();
        assertThat(Audience.canSee(CREATOR, reel(null))).isTrue();
        assertThat(Audience.canSee(CREATOR, reel(PUBLISHED))).isTrue();
    }

    @Test
    void onlyTheCreatorDeletesAReel() {
        assertThat(Audience.canDelete(CREATOR, reel(PUBLISHED))).isTrue();
        assertThat(Audience.canDelete(OTHER, reel(PUBLISHED))).isFalse();
    }

    @Test
    void onlyTheCreatorListsEverythingOfTheirs() {
        assertThat(Audience.seesEverythingOf(CREATOR, CREATOR)).isTrue();
        assertThat(Audience.seesEverythingOf(OTHER, CREATOR)).isFalse();
    }

    private static VideoRow video(String visibility, Instant publishedAt) {
        return new VideoRow(UUID.randomUUID(), UUID.randomUUID(), CREATOR, "A title", "", visibility, publishedAt,
                Instant.EPOCH, Instant.EPOCH);
    }

    private static ReelRow reel(Instant publishedAt) {
        return new ReelRow(UUID.randomUUID(), UUID.randomUUID(), CREATOR, "", null, publishedAt, Instant.EPOCH);
    }
}
