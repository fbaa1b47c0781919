package io.nova.messaging.resources;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.paging.PageParams;
import io.nova.kernel.paging.PagedResponse;
import io.nova.kernel.redis.IdempotencyKeys;
import io.nova.messaging.api.MessageView;
import io.nova.messaging.api.SendMessageRequest;
import io.nova.messaging.core.MessageLists;
import io.nova.messaging.core.MessageService;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/** {@code /api/v1/conversations/{id}/messages}: sending, and paging by seq both ways. */
@Path("/api/v1/conversations/{id}/messages")
@Produces(MediaType.APPLICATION_JSON)
public final class ConversationMessagesResource {

    private final MessageService messages;
    private final MessageLists lists;
    private final IdempotencyKeys idempotency;

    public ConversationMessagesResource(MessageService messages, MessageLists lists, IdempotencyKeys idempotency) {
        this.messages = messages;
        this.lists = lists;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Timed
    public Response send(@Auth NovaPrincipal caller, @PathParam("id") String id,
                         @HeaderParam(IdempotencyKeys.HEADER) String key, SendMessageRequest body) {
        Bodies.require(body);
        caller.id();  // a token whose subject is no user id is refused before any replay is looked up
        // The conversation is part of the operation: the same key in another conversation is another request.
        return idempotency.run("POST /api/v1/conversations/" + id + "/messages", caller.userId(), key, body, () -> {
            MessageView message = messages.send(caller, id, body);
            return Response.created(URI.create("/api/v1/messages/" + message.id())).entity(message).build();
        });
    }

    @GET
    @Timed
    public Response page(@Auth NovaPrincipal caller, @PathParam("id") String id,
                         @QueryParam("before_seq") String beforeSeq, @QueryParam("after_seq") String afterSeq,
                         @BeanParam PageParams page, @Context UriInfo uri) {
        return PagedResponse.of(lists.page(caller.id(), id, beforeSeq, afterSeq, page.request()), uri);
    }
}
