package io.nova.content.grpc;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.nova.content.api.AuthorView;
import io.nova.content.api.MediaView;
import io.nova.content.api.PostView;
import io.nova.content.core.Audience;
import io.nova.content.core.Ids;
import io.nova.content.core.PostService;
import io.nova.content.core.PostViews;
import io.nova.content.db.PostStore;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.grpc.GrpcIdentity;
import io.nova.proto.content.v1.Author;
import io.nova.proto.content.v1.ContentServiceGrpc;
import io.nova.proto.content.v1.GetPostsRequest;
import io.nova.proto.content.v1.GetPostsResponse;
import io.nova.proto.content.v1.ListAuthorPostIdsRequest;
import io.nova.proto.content.v1.ListAuthorPostIdsResponse;
import io.nova.proto.content.v1.Post;
import io.nova.proto.content.v1.PostMedia;
import io.nova.proto.content.v1.Visibility;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** What content-service answers the other services over gRPC ({@code nova.content.v1.ContentService}). */
public final class ContentGrpcService extends ContentServiceGrpc.ContentServiceImplBase {

    static final int MAX_POSTS = 100;
    static final int DEFAULT_IDS = 100;
    static final int MAX_IDS = 1000;

    private final Jdbi jdbi;
    private final PostStore posts;
    private final PostService postService;
    private final Audience audience;
    private final PostViews views;

    public ContentGrpcService(Jdbi jdbi, PostStore posts, PostService postService, Audience audience,
                              PostViews views) {
        this.jdbi = jdbi;
        this.posts = posts;
        this.postService = postService;
        this.audience = audience;
        this.views = views;
    }

    @Override
    public void getPosts(GetPostsRequest request, StreamObserver<GetPostsResponse> response) {
        answer(response, () -> {
            UUID viewer = Ids.parse(request.getViewerId()).orElseThrow(() -> invalid(
                    "viewer_id must be a user id, got '" + request.getViewerId() + "'"));
            Optional<NovaPrincipal> caller = GrpcIdentity.caller();
            if (caller.isPresent() && !caller.get().userId().equals(viewer.toString())) {
                throw Status.PERMISSION_DENIED.withDescription("a user may only read posts as themselves")
                        .asRuntimeException();
            }
            if (request.getPostIdsCount() > MAX_POSTS) {
                throw invalid("at most " + MAX_POSTS + " post ids per call, got " + request.getPostIdsCount());
            }
            Set<UUID> ids = new LinkedHashSet<>();
            request.getPostIdsList().forEach(id -> Ids.parse(id).ifPresent(ids::add));
            List<PostView> found = views.page(audience.visible(viewer, postService.byIds(viewer, List.copyOf(ids))));
            GetPostsResponse.Builder answer = GetPostsResponse.newBuilder();
            found.forEach(post -> answer.addPosts(proto(post)));
            return answer.build();
        });
    }

    @Override
    public void listAuthorPostIds(ListAuthorPostIdsRequest request,
                                  StreamObserver<ListAuthorPostIdsResponse> response) {
        answer(response, () -> {
            UUID author = Ids.parse(request.getAuthorId()).orElseThrow(() -> invalid(
                    "author_id must be a user id, got '" + request.getAuthorId() + "'"));
            int limit = request.getLimit() <= 0 ? DEFAULT_IDS : Math.min(request.getLimit(), MAX_IDS);
            Instant since = request.hasSince() ? Instant.ofEpochSecond(request.getSince().getSeconds(),
                    request.getSince().getNanos()) : null;
            ListAuthorPostIdsResponse.Builder answer = ListAuthorPostIdsResponse.newBuilder();
            jdbi.withHandle(handle -> posts.idsSince(handle, author, since, limit)).forEach(ref ->
                    answer.addPosts(ListAuthorPostIdsResponse.PostRef.newBuilder()
                            .setPostId(ref.id().toString())
                            .setCreatedAt(timestamp(ref.createdAt()))
                            .setVisibility(visibility(ref.visibility()))));
            return answer.build();
        });
    }

    static Post proto(PostView post) {
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
                .setLikeCount(post.likeCount())
                .setCommentCount(post.commentCount())
                .setLikedByMe(post.likedByMe())
                .setBookmarkedByMe(post.bookmarkedByMe())
                .setCreatedAt(timestamp(Instant.parse(post.createdAt())));
        for (MediaView media : post.media()) {
            proto.addMedia(PostMedia.newBuilder().setId(media.id()).setType(media.type())
                    .setUrl(orEmpty(media.url())).setThumbnailUrl(orEmpty(media.thumbnailUrl())));
        }
        if (post.editedAt() != null) {
            proto.setEditedAt(timestamp(Instant.parse(post.editedAt())));
        }
        return proto.build();
    }

    /** Sends the answer, or the status the failure stands for; a bad argument never looks like a server fault. */
    private static <T> void answer(StreamObserver<T> response, Supplier<T> work) {
        T result;
        try {
            result = work.get();
        } catch (StatusRuntimeException e) {
            response.onError(e);
            return;
        } catch (DomainException e) {
            // Only a dependency's outage gets here (arguments are checked above): the caller may retry.
            Status status = e.status() == 503 ? Status.UNAVAILABLE : Status.INTERNAL;
            response.onError(status.withDescription(e.getMessage()).asRuntimeException());
            return;
        }
        response.onNext(result);
        response.onCompleted();
    }

    private static Visibility visibility(String wire) {
        return "followers".equals(wire) ? Visibility.VISIBILITY_FOLLOWERS : Visibility.VISIBILITY_PUBLIC;
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static StatusRuntimeException invalid(String message) {
        return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
    }
}
