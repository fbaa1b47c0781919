package io.nova.messaging.resources;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.messaging.api.EditMessageRequest;
import io.nova.messaging.api.MessageView;
import io.nova.messaging.api.ReactionsView;
import io.nova.messaging.core.MessageService;
import io.nova.messaging.core.ReactionService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /api/v1/messages/{id}}: editing and deleting one's own messages, and reactions. */
@Path("/api/v1/messages")
@Produces(MediaType.APPLICATION_JSON)
public final class MessagesResource {

    private final MessageService messages;
    private final ReactionService reactions;

    public MessagesResource(MessageService messages, ReactionService reactions) {
        this.messages = messages;
        this.reactions = reactions;
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, ConversationsResource.MERGE_PATCH})
    @Timed
    public MessageView edit(@Auth NovaPrincipal caller, @PathParam("id") String id, EditMessageRequest body) {
        Bodies.require(body);
        return messages.edit(caller.id(), id, body.text());
    }

    @DELETE
    @Path("/{id}")
    @Timed
    public Response delete(@Auth NovaPrincipal caller, @PathParam("id") String id) {
        messages.delete(caller.id(), id);
        return Response.noContent().build();
    }

    @PUT
    @Path("/{id}/reactions/{emoji}")
    @Timed
    public ReactionsView react(@Auth NovaPrincipal caller, @PathParam("id") String id,
                               @PathParam("emoji") String emoji) {
        return reactions.add(caller.id(), id, emoji);
    }

    @DELETE
    @Path("/{id}/reactions/{emoji}")
    @Timed
    public ReactionsView unreact(@Auth NovaPrincipal caller, @PathParam("id") String id,
                                 @PathParam("emoji") String emoji) {
        return reactions.remove(caller.id(), id, emoji);
    }
}
