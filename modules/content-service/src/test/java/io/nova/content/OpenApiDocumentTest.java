package io.nova.content;

import io.nova.content.api.CreateCommentRequest;
import io.nova.content.api.CreatePostRequest;
import io.nova.clients.posts.PostView;
import io.nova.content.resources.CommentsResource;
import io.nova.content.resources.PostsResource;
import io.nova.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes exactly the routes the resources serve, and the JSON shapes they use. */
class OpenApiDocumentTest {

    private static final OpenApiContract DOCUMENT = OpenApiContract.load("/openapi/content-service.yaml");

    @Test
    void everyServedRouteIsDocumentedAndNothingElse() {
        DOCUMENT.documentsExactly(PostsResource.class, CommentsResource.class);
    }

    @Test
    void referencesResolveAndBodiesMatchTheRecords() {
        DOCUMENT.referencesResolve();
        DOCUMENT.schemaMatches("CreatePost", CreatePostRequest.class);
        DOCUMENT.schemaMatches("CreateComment", CreateCommentRequest.class);
        DOCUMENT.schemaMatches("Post", PostView.class);
    }
}
