package io.nova.media.clients;

import io.nova.kernel.grpc.GrpcCalls;
import io.nova.media.core.ClaimOwners;
import io.nova.proto.content.v1.ConfirmPostsRequest;
import io.nova.proto.content.v1.ContentServiceGrpc;

import java.util.Collection;
import java.util.Set;

/** The owners of "post:&lt;id&gt;" claims: content-service's ConfirmPosts, asked as this service (no user). */
public final class ContentPosts implements ClaimOwners {

    static final String SERVICE = "content-service";

    private final ContentServiceGrpc.ContentServiceBlockingStub content;

    public ContentPosts(ContentServiceGrpc.ContentServiceBlockingStub content) {
        this.content = content;
    }

    @Override
    public String kind() {
        return "post";
    }

    @Override
    public Set<String> existing(Collection<String> postIds) {
        return Set.copyOf(GrpcCalls.call(SERVICE, () -> content.confirmPosts(ConfirmPostsRequest.newBuilder()
                .addAllPostIds(postIds).build())).getExistingPostIdsList());
    }
}
