package io.nova.clients.posts;

import com.google.protobuf.Timestamp;
import io.nova.proto.content.v1.Author;
import io.nova.proto.content.v1.Post;
import io.nova.proto.content.v1.PostMedia;
import io.nova.proto.content.v1.Visibility;

import java.time.Instant;
import java.util.List;

/**
 * {@link PostView} to content-service's gRPC {@code nova.content.v1.Post} and back, both directions in one place so
 * a post read over gRPC renders exactly as content-service's {@code GET /posts/{id}} does.
 *
 * <p>proto3 strings cannot be null, so "absent" travels as the empty string and comes back as null: an author
 * user-service no longer knows (empty username: every other field is null too, as {@link AuthorView#unknown}
 * makes it), no avatar, no media URL or thumbnail, no {@code reply_to}. A known author's display name is kept as
 * it is, empty or not.
 */
public final class PostProtos {

    private PostProtos() {
    }

    public static Post toProto(PostView post) {
        AuthorView author = post.author();
        Post.Builder proto = Post.newBuilder()
                .setId(post.id())
                .setAuthor(Author.newBuilder().setId(author.id())
                        .setUsername(orEmpty(author.username()))
                        .setDisplayName(orEmpty(author.displayName()))
                        .setAvatarUrl(orEmpty(author.avatarUrl())))
                .setText(post.text())
                .setVisibility(visibility(post.visibility()))
                .setReplyTo(orEmpty(post.replyTo()))
                .addAllHashtags(post.hashtags())
                .addAllMentions(post.mentions())
                .setLikeCount(post.likeCount())
                .setCommentCount(post.commentCount())
                .setLikedByMe(post.likedByMe())
                .setBookmarkedByMe(post.bookmarkedByMe())
                .setCreatedAt(timestamp(post.createdAt()));
        for (MediaView media : post.media()) {
            proto.addMedia(PostMedia.newBuilder().setId(media.id()).setType(media.type())
                    .setUrl(orEmpty(media.url())).setThumbnailUrl(orEmpty(media.thumbnailUrl())));
        }
        if (post.editedAt() != null) {
            proto.setEditedAt(timestamp(post.editedAt()));
        }
        return proto.build();
    }

    public static PostView fromProto(Post post) {
        Author author = post.getAuthor();
        AuthorView authorView = author.getUsername().isEmpty()
                ? AuthorView.unknown(author.getId())
                : new AuthorView(author.getId(), author.getUsername(), author.getDisplayName(),
                        orNull(author.getAvatarUrl()));
        List<MediaView> media = post.getMediaList().stream()
                .map(item -> new MediaView(item.getId(), item.getType(), orNull(item.getUrl()),
                        orNull(item.getThumbnailUrl())))
                .toList();
        return new PostView(post.getId(), authorView, post.getText(), media, wireName(post.getVisibility()),
                orNull(post.getReplyTo()), List.copyOf(post.getHashtagsList()), List.copyOf(post.getMentionsList()),
                post.getLikeCount(), post.getCommentCount(), post.getLikedByMe(), post.getBookmarkedByMe(),
                instant(post.getCreatedAt()), post.hasEditedAt() ? instant(post.getEditedAt()) : null);
    }

    /** The HTTP API's name of a visibility: {@code public} or {@code followers}. */
    public static String wireName(Visibility visibility) {
        return visibility == Visibility.VISIBILITY_FOLLOWERS ? "followers" : "public";
    }

    public static Visibility visibility(String wireName) {
        return "followers".equals(wireName) ? Visibility.VISIBILITY_FOLLOWERS : Visibility.VISIBILITY_PUBLIC;
    }

    public static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String orNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
