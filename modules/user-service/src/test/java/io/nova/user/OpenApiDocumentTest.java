package io.nova.user;

import io.nova.clients.posts.PostView;
import io.nova.testing.OpenApiContract;
import io.nova.user.api.FollowRequestView;
import io.nova.user.api.FollowView;
import io.nova.user.api.LoginRequest;
import io.nova.user.api.LogoutRequest;
import io.nova.user.api.OwnProfile;
import io.nova.user.api.RefreshRequest;
import io.nova.user.api.RegisterRequest;
import io.nova.user.api.RegisteredResponse;
import io.nova.user.api.RelationshipView;
import io.nova.user.api.SuggestedUser;
import io.nova.user.api.TagTrend;
import io.nova.user.api.TokenResponse;
import io.nova.user.api.UserProfile;
import io.nova.user.api.UserView;
import io.nova.user.resources.AuthResource;
import io.nova.user.resources.DiscoverResource;
import io.nova.user.resources.FeedResource;
import io.nova.user.resources.JwksResource;
import io.nova.user.resources.RelationshipsResource;
import io.nova.user.resources.UsersResource;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes exactly the routes the resources serve, and the JSON shapes they use. */
class OpenApiDocumentTest {

    private static final OpenApiContract DOCUMENT = OpenApiContract.load("/openapi/user-service.yaml");

    @Test
    void everyServedRouteIsDocumentedAndNothingElse() {
        DOCUMENT.documentsExactly(AuthResource.class, JwksResource.class, UsersResource.class,
                RelationshipsResource.class, FeedResource.class, DiscoverResource.class);
    }

    @Test
    void referencesResolveAndShapesMatchTheRecords() {
        DOCUMENT.referencesResolve();
        DOCUMENT.schemaMatches("Register", RegisterRequest.class);
        DOCUMENT.schemaMatches("Login", LoginRequest.class);
        DOCUMENT.schemaMatches("Refresh", RefreshRequest.class);
        DOCUMENT.schemaMatches("Logout", LogoutRequest.class);
        DOCUMENT.schemaMatches("User", UserView.class);
        DOCUMENT.schemaMatches("Tokens", TokenResponse.class);
        DOCUMENT.schemaMatches("Registered", RegisteredResponse.class);
        DOCUMENT.schemaMatches("UserProfile", UserProfile.class);
        DOCUMENT.schemaMatches("OwnProfile", OwnProfile.class);
        DOCUMENT.schemaMatches("Follow", FollowView.class);
        DOCUMENT.schemaMatches("Relationship", RelationshipView.class);
        DOCUMENT.schemaMatches("FollowRequest", FollowRequestView.class);
        DOCUMENT.schemaMatches("SuggestedUser", SuggestedUser.class);
        DOCUMENT.schemaMatches("TagTrend", TagTrend.class);
        DOCUMENT.schemaMatches("Post", PostView.class);
    }
}
