package io.nova.user.clients;

import io.nova.clients.posts.PostProtos;
import io.nova.clients.posts.PostView;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.grpc.GrpcCalls;
import io.nova.kernel.grpc.GrpcIdentity;
import io.nova.proto.content.v1.ContentServiceGrpc;
import io.nova.proto.content.v1.GetPostsRequest;
import io.nova.proto.content.v1.ListAuthorPostIdsRequest;
import io.nova.proto.content.v1.Visibility;
import io.nova.user.core.PostCatalog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@link PostCatalog} over content-service's gRPC API ({@code GetPosts}, {@code ListAuthorPostIds}); every call has
 * the configured deadline, and both are marked side-effect free in the .proto, so the channel retries them when
 * content-service is briefly unavailable.
 */
public final class GrpcPostCatalog implements PostCatalog {

    static final String SERVICE = "content-service";

    private final ContentServiceGrpc.ContentServiceBlockingStub content;
    private final Duration deadline;

    public GrpcPostCatalog(ContentServiceGrpc.ContentServiceBlockingStub content, Duration deadline) {
        this.content = content;
        this.deadline = deadline;
    }

    @Override
    public List<PostView> posts(NovaPrincipal viewer, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        if (ids.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " posts per call, got " + ids.size());
        }
        GetPostsRequest request = GetPostsRequest.newBuilder().setViewerId(viewer.id().toString())
                .addAllPostIds(ids.stream().map(UUID::toString).toList()).build();
        return GrpcCalls.call(SERVICE, () -> stub()
                .withCallCredentials(GrpcIdentity.onBehalfOf(viewer)).getPosts(request)).getPostsList().stream()
                .map(PostProtos::fromProto).toList();
    }

    @Override
    public List<PostRef> recentPostIds(UUID author, Instant since, int limit) {
        if (limit < 1 || limit > MAX_IDS) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_IDS + ", got " + limit);
        }
        ListAuthorPostIdsRequest.Builder request = ListAuthorPostIdsRequest.newBuilder()
                .setAuthorId(author.toString()).setLimit(limit);
        if (since != null) {
            request.setSince(PostProtos.timestamp(since));
        }
        return GrpcCalls.call(SERVICE, () -> stub().listAuthorPostIds(request.build())).getPostsList().stream()
                .map(ref -> new PostRef(UUID.fromString(ref.getPostId()), author,
                        PostProtos.instant(ref.getCreatedAt()),
                        ref.getVisibility() == Visibility.VISIBILITY_FOLLOWERS))
                .toList();
    }

    private ContentServiceGrpc.ContentServiceBlockingStub stub() {
        return content.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }
}
