package io.nova.content.grpc;

import io.grpc.stub.StreamObserver;
import io.nova.clients.posts.PostProtos;
import io.nova.kernel.db.ClaimOwnerIds;
import io.nova.content.core.PostLists;
import io.nova.kernel.api.Ids;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.grpc.GrpcIdentity;
import io.nova.proto.content.v1.ConfirmPostsRequest;
import io.nova.proto.content.v1.ConfirmPostsResponse;
import io.nova.proto.content.v1.ContentServiceGrpc;
import io.nova.proto.content.v1.GetPostsRequest;
import io.nova.proto.content.v1.GetPostsResponse;
import io.nova.proto.content.v1.ListAuthorPostIdsRequest;
import io.nova.proto.content.v1.ListAuthorPostIdsResponse;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What content-service answers the other services over gRPC ({@code nova.content.v1.ContentService}): requests
 * read into core's terms and answers written as protos. A refusal is a thrown {@link DomainException}; the kernel's
 * interceptor sends it as the kind's status.
 */
public final class ContentGrpcService extends ContentServiceGrpc.ContentServiceImplBase {

    private final PostLists posts;
    private final ClaimOwnerIds claims;

    public ContentGrpcService(PostLists posts, ClaimOwnerIds claims) {
        this.posts = posts;
        this.claims = claims;
    }

    @Override
    public void confirmPosts(ConfirmPostsRequest request, StreamObserver<ConfirmPostsResponse> response) {
        response.onNext(ConfirmPostsResponse.newBuilder().addAllExistingPostIds(claims.confirm(
                request.getPostIdsList())).build());
        response.onCompleted();
    }

    @Override
    public void getPosts(GetPostsRequest request, StreamObserver<GetPostsResponse> response) {
        UUID viewer = userId("viewer_id", request.getViewerId());
        Optional<NovaPrincipal> caller = GrpcIdentity.caller();
        if (caller.isPresent() && !caller.get().id().equals(viewer)) {
            throw DomainException.forbidden("a user may only read posts as themselves");
        }
        GetPostsResponse.Builder answer = GetPostsResponse.newBuilder();
        posts.batch(viewer, request.getPostIdsList()).forEach(post -> answer.addPosts(PostProtos.toProto(post)));
        response.onNext(answer.build());
        response.onCompleted();
    }

    @Override
    public void listAuthorPostIds(ListAuthorPostIdsRequest request,
                                  StreamObserver<ListAuthorPostIdsResponse> response) {
        UUID author = userId("author_id", request.getAuthorId());
        Instant since = request.hasSince() ? PostProtos.instant(request.getSince()) : null;
        ListAuthorPostIdsResponse.Builder answer = ListAuthorPostIdsResponse.newBuilder();
        posts.authorPostIds(author, since, request.getLimit()).forEach(ref ->
                answer.addPosts(ListAuthorPostIdsResponse.PostRef.newBuilder()
                        .setPostId(ref.id().toString())
                        .setCreatedAt(PostProtos.timestamp(ref.createdAt()))
                        .setVisibility(PostProtos.visibility(ref.visibility().wireName()))));
        response.onNext(answer.build());
        response.onCompleted();
    }

    /** A user id field of a request; anything else is the caller's bug (INVALID_ARGUMENT naming the field). */
    private static UUID userId(String field, String text) {
        return Ids.parse(text).orElseThrow(() -> DomainException.invalid("invalid_id",
                field + " must be a user id, got '" + text + "'", Map.of("field", field)));
    }
}
