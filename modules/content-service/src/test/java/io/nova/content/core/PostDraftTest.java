package io.nova.content.core;

import io.nova.content.api.CreatePostRequest;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.ErrorKind;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A new post's request checked alone: what is accepted, and that each refusal names its field. */
class PostDraftTest {

    private static DomainException refusal(CreatePostRequest request) {
        try {
            PostDraft.of(request);
        } catch (DomainException e) {
            return e;
        }
        throw new AssertionError("accepted " + request);
    }

    @Test
    void aValidDraftKeepsTheMediaOrderAndDefaultsToPublic() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID parent = UUID.randomUUID();
        PostDraft draft = PostDraft.of(new CreatePostRequest(null, List.of(second.toString(), first.toString()),
                null, parent.toString()));
        assertThat(draft.text()).isEmpty();
        assertThat(draft.mediaIds()).containsExactly(second, first);
        assertThat(draft.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(draft.replyTo()).isEqualTo(Optional.of(parent));
        assertThat(PostDraft.of(new CreatePostRequest("hi", null, "followers", null)).visibility())
                .isEqualTo(Visibility.FOLLOWERS);
    }

    @Test
    void textOrMediaIsNeeded() {
        DomainException empty = refusal(new CreatePostRequest("  \n", List.of(), null, null));
        assertThat(empty.kind()).isEqualTo(ErrorKind.INVALID);
        assertThat(empty.code()).isEqualTo("empty_post");
    }

    @Test
    void textIsCountedInCharactersPeopleSee() {
        assertThat(PostDraft.of(new CreatePostRequest("😀".repeat(PostDraft.MAX_TEXT), null, null, null)).text())
                .hasSize(2 * PostDraft.MAX_TEXT);
        DomainException tooLong = refusal(new CreatePostRequest("a".repeat(PostDraft.MAX_TEXT + 1), null, null,
                null));
        assertThat(tooLong.code()).isEqualTo("validation_failed");
        assertThat(tooLong.details())
                .isEqualTo(Map.of("fields", Map.of("text", "must be at most 2200 characters, got 2201")));
    }

    @Test
    void mediaIdsAreBoundedUniqueAndIds() {
        List<String> eleven = Collections.nCopies(11, UUID.randomUUID().toString());
        DomainException tooMany = refusal(new CreatePostRequest("hi", eleven, null, null));
        assertThat(tooMany.code()).isEqualTo("validation_failed");
        assertThat(tooMany.details())
                .isEqualTo(Map.of("fields", Map.of("media_ids", "at most 10 media per post, got 11")));

        String same = UUID.randomUUID().toString();
        DomainException twice = refusal(new CreatePostRequest("hi", List.of(same, same), null, null));
        assertThat(twice.details()).isEqualTo(Map.of("fields", Map.of("media_ids", "lists " + same + " twice")));

        // Not an id: media that cannot exist, named like media-service's refusal of an unknown one.
        DomainException junk = refusal(new CreatePostRequest("hi", List.of("junk"), null, null));
        assertThat(junk.kind()).isEqualTo(ErrorKind.UNPROCESSABLE);
        assertThat(junk.code()).isEqualTo("media_not_found");
        assertThat(junk.details()).isEqualTo(Map.of("media_id", "junk"));
    }

    @Test
    void visibilityAndReplyToAreChecked() {
        DomainException friends = refusal(new CreatePostRequest("hi", null, "friends", null));
        assertThat(friends.code()).isEqualTo("validation_failed");
        assertThat(friends.details())
                .isEqualTo(Map.of("fields", Map.of("visibility", "must be public or followers")));
        DomainException reply = refusal(new CreatePostRequest("hi", null, null, "nope"));
        assertThat(reply.kind()).isEqualTo(ErrorKind.UNPROCESSABLE);
        assertThat(reply.code()).isEqualTo("reply_to_not_found");
        assertThatThrownBy(() -> PostDraft.of(new CreatePostRequest("hi", null, "PUBLIC", null)))
                .isInstanceOf(DomainException.class);
    }
}
