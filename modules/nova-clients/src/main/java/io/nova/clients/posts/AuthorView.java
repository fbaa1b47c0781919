package io.nova.clients.posts;

/** Who wrote a post or comment, or liked a post, as user-service describes them. */
public record AuthorView(String id, String username, String displayName, String avatarUrl) {

    /** A user user-service does not know (any more): the id is all there is. */
    public static AuthorView unknown(String id) {
        return new AuthorView(id, null, null, null);
    }
}
