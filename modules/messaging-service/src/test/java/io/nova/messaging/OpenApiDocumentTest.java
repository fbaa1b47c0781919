package io.nova.messaging;

import io.nova.messaging.api.AnswerCallRequest;
import io.nova.messaging.api.CallView;
import io.nova.messaging.api.CandidatesRequest;
import io.nova.messaging.api.ConversationView;
import io.nova.messaging.api.CreateConversationRequest;
import io.nova.messaging.api.EditMessageRequest;
import io.nova.messaging.api.IceServerView;
import io.nova.messaging.api.IceServersView;
import io.nova.messaging.api.MediaView;
import io.nova.messaging.api.MemberRoleRequest;
import io.nova.messaging.api.MemberView;
import io.nova.messaging.api.MessagePreview;
import io.nova.messaging.api.MessageView;
import io.nova.messaging.api.NotificationView;
import io.nova.messaging.api.NotificationsMarker;
import io.nova.messaging.api.NotificationsReadRequest;
import io.nova.messaging.api.ReactionCount;
import io.nova.messaging.api.ReactionsView;
import io.nova.messaging.api.ReadRequest;
import io.nova.messaging.api.ReadState;
import io.nova.messaging.api.SendMessageRequest;
import io.nova.messaging.api.StartCallRequest;
import io.nova.messaging.resources.CallsResource;
import io.nova.messaging.resources.ConversationMessagesResource;
import io.nova.messaging.resources.ConversationsResource;
import io.nova.messaging.resources.MessagesResource;
import io.nova.messaging.resources.NotificationsResource;
import io.nova.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes exactly the routes the resources serve, and the JSON shapes they use. */
class OpenApiDocumentTest {

    private static final OpenApiContract DOCUMENT = OpenApiContract.load("/openapi/messaging-service.yaml");

    @Test
    void everyServedRouteIsDocumentedAndNothingElse() {
        DOCUMENT.documentsExactly(ConversationsResource.class, ConversationMessagesResource.class,
                MessagesResource.class, CallsResource.class, NotificationsResource.class);
    }

    @Test
    void referencesResolveAndShapesMatchTheRecords() {
        DOCUMENT.referencesResolve();
        DOCUMENT.schemaMatches("CreateConversation", CreateConversationRequest.class);
        DOCUMENT.schemaMatches("MemberRole", MemberRoleRequest.class);
        DOCUMENT.schemaMatches("SendMessage", SendMessageRequest.class);
        DOCUMENT.schemaMatches("EditMessage", EditMessageRequest.class);
        DOCUMENT.schemaMatches("Read", ReadRequest.class);
        DOCUMENT.schemaMatches("Conversation", ConversationView.class);
        DOCUMENT.schemaMatches("Member", MemberView.class);
        DOCUMENT.schemaMatches("MessagePreview", MessagePreview.class);
        DOCUMENT.schemaMatches("Message", MessageView.class);
        DOCUMENT.schemaMatches("Media", MediaView.class);
        DOCUMENT.schemaMatches("ReactionCount", ReactionCount.class);
        DOCUMENT.schemaMatches("Reactions", ReactionsView.class);
        DOCUMENT.schemaMatches("ReadState", ReadState.class);
        DOCUMENT.schemaMatches("StartCall", StartCallRequest.class);
        DOCUMENT.schemaMatches("AnswerCall", AnswerCallRequest.class);
        DOCUMENT.schemaMatches("Candidates", CandidatesRequest.class);
        DOCUMENT.schemaMatches("Call", CallView.class);
        DOCUMENT.schemaMatches("IceServer", IceServerView.class);
        DOCUMENT.schemaMatches("IceServers", IceServersView.class);
        DOCUMENT.schemaMatches("Notification", NotificationView.class);
        DOCUMENT.schemaMatches("NotificationsRead", NotificationsReadRequest.class);
        DOCUMENT.schemaMatches("NotificationsMarker", NotificationsMarker.class);
    }
}
