package io.nova.content.core;

import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.ErrorKind;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PermissionsTest {

    private static final UUID POST_AUTHOR = UUID.randomUUID();
    private static final UUID COMMENTER = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

    @Test
    void onlyTheAuthorChangesAPost() {
        assertThat(Permissions.mayChangePost(POST_AUTHOR, POST_AUTHOR)).isTrue();
        assertThat(Permissions.mayChangePost(OTHER, POST_AUTHOR)).isFalse();
        assertThatCode(() -> Permissions.requirePostAuthor(POST_AUTHOR, POST_AUTHOR, "edit"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Permissions.requirePostAuthor(OTHER, POST_AUTHOR, "delete"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN);
                    assertThat(e.code()).isEqualTo("forbidden");
                    assertThat(e.getMessage()).isEqualTo("Only the author can delete this post");
                });
    }

    @Test
    void aCommentGoesByItsAuthorOrThePostsAuthor() {
        assertThat(Permissions.mayDeleteComment(COMMENTER, COMMENTER, POST_AUTHOR)).isTrue();
        assertThat(Permissions.mayDeleteComment(POST_AUTHOR, COMMENTER, POST_AUTHOR)).isTrue();
        assertThat(Permissions.mayDeleteComment(OTHER, COMMENTER, POST_AUTHOR)).isFalse();
        assertThatThrownBy(() -> Permissions.requireCommentDeleter(OTHER, COMMENTER, POST_AUTHOR))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN);
                    assertThat(e.getMessage())
                            .isEqualTo("Only the comment's author or the post's author can delete this comment");
                });
    }
}
