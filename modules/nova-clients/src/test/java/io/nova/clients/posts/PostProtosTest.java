package io.nova.clients.posts;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A post survives the trip through content-service's gRPC {@code Post} unchanged, nulls included. */
class PostProtosTest {

    private static final Instant CREATED = Instant.parse("2026-12-05T10:15:30.123456Z");

    @Test
    void everyFieldRoundTrips() {
        PostView post = new PostView("p1", new AuthorView("a1", "ada", "Ada L.", "https://cdn/a.png"), "hi #x @bob",
                List.of(new MediaView("m1", "image", "https://cdn/m1", "https://cdn/m1-thumb")), "followers", "p0",
                List.of("x"), List.of("bob"), 3, 2, true, false, CREATED, CREATED.plusSeconds(60));

        assertThat(PostProtos.fromProto(PostProtos.toProto(post))).isEqualTo(post);
    }

    @Test
    void absentValuesComeBackAsNullNotAsEmptyStrings() {
        PostView post = new PostView("p1", AuthorView.unknown("a1"), "text",
                List.of(new MediaView("m1", "video", "https://cdn/m1", null)), "public", null, List.of(), List.of(),
                0, 0, false, true, CREATED, null);

        assertThat(PostProtos.fromProto(PostProtos.toProto(post))).isEqualTo(post);
    }

    @Test
    void aKnownAuthorsEmptyDisplayNameStaysEmpty() {
        PostView post = new PostView("p1", new AuthorView("a1", "ada", "", null), "text", List.of(), "public", null,
                List.of(), List.of(), 0, 0, false, false, CREATED, null);

        assertThat(PostProtos.fromProto(PostProtos.toProto(post)).author().displayName()).isEmpty();
    }
}
