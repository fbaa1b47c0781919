package io.nova.content.core;

import io.nova.kernel.errors.DomainException;

import java.util.UUID;

/** Who may change what, among those who can see it: a post by its author; a comment by its author or the post's. */
public final class Permissions {

    private Permissions() {
    }

    public static boolean mayChangePost(UUID caller, UUID postAuthor) {
        return caller.equals(postAuthor);
    }

    /** The post's author moderates the comments under it. */
    public static boolean mayDeleteComment(UUID caller, UUID commenter, UUID postAuthor) {
        return caller.equals(commenter) || caller.equals(postAuthor);
    }

    /** 403 unless the caller wrote the post; {@code action} as in "Only the author can edit this post". */
    static void requirePostAuthor(UUID caller, UUID postAuthor, String action) {
        if (!mayChangePost(caller, postAuthor)) {
            throw DomainException.forbidden("Only the author can " + action + " this post");
        }
    }

    static void requireCommentDeleter(UUID caller, UUID commenter, UUID postAuthor) {
        if (!mayDeleteComment(caller, commenter, postAuthor)) {
            throw DomainException.forbidden(
                    "Only the comment's author or the post's author can delete this comment");
        }
    }
}
