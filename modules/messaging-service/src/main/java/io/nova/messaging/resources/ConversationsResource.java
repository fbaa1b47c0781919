package io.nova.messaging.resources;

import com.codahale.metrics.annotation.Timed;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.paging.PageParams;
import io.nova.kernel.paging.PagedResponse;
import io.nova.kernel.redis.IdempotencyKeys;
import io.nova.messaging.api.ConversationView;
import io.nova.messaging.api.CreateConversationRequest;
import io.nova.messaging.api.MemberRoleRequest;
import io.nova.messaging.api.ReadRequest;
import io.nova.messaging.api.ReadState;
import io.nova.messaging.core.ConversationEdit;
import io.nova.messaging.core.ConversationService;
import io.nova.messaging.core.MemberService;
import io.nova.messaging.core.ReadService;
import io.nova.messaging.core.Role;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/** {@code /api/v1/conversations}: starting, listing, reading and renaming conversations, members, read state. */
@Path("/api/v1/conversations")
@Produces(MediaType.APPLICATION_JSON)
public final class ConversationsResource {

    /** RFC 7396; plain JSON is accepted too, since that is what most clients send. */
    static final String MERGE_PATCH = "application/merge-patch+json";

    private final ConversationService conversations;
    private final MemberService members;
    private final ReadService reads;
    private final IdempotencyKeys idempotency;

    public ConversationsResource(ConversationService conversations, MemberService members, ReadService reads,
                                 IdempotencyKeys idempotency) {
        this.conversations = conversations;
        this.members = members;
        this.reads = reads;
        this.idempotency = idempotency;
    }

    /** 201 for a new conversation; 200 with the existing one when the pair already has a direct conversation. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Timed
    public Response start(@Auth NovaPrincipal caller, @HeaderParam(IdempotencyKeys.HEADER) String key,
                          CreateConversationRequest body) {
        Bodies.require(body);
        caller.id();  // a token whose subject is no user id is refused before any replay is looked up
        return idempotency.run("POST /api/v1/conversations", caller.userId(), key, body, () -> {
            ConversationService.Started started = conversations.start(caller.id(), body);
            URI location = URI.create("/api/v1/conversations/" + started.conversation().id());
            return (started.created() ? Response.created(location) : Response.ok().location(location))
                    .entity(started.conversation()).build();
        });
    }

    @GET
    @Timed
    public Response list(@Auth NovaPrincipal caller, @BeanParam PageParams page, @Context UriInfo uri) {
        return PagedResponse.of(conversations.list(caller.id(), page.request()), uri);
    }

    @GET
    @Path("/{id}")
    @Timed
    public ConversationView get(@Auth NovaPrincipal caller, @PathParam("id") String id) {
        return conversations.get(caller.id(), id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Timed
    public ConversationView rename(@Auth NovaPrincipal caller, @PathParam("id") String id, JsonNode body) {
        return conversations.rename(caller.id(), id, ConversationEdit.name(body));
    }

    @POST
    @Path("/{id}/members/{userId}")
    @Timed
    public ConversationView addMember(@Auth NovaPrincipal caller, @PathParam("id") String id,
                                      @PathParam("userId") String userId) {
        return members.add(caller.id(), id, userId);
    }

    @PATCH
    @Path("/{id}/members/{userId}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Timed
    public ConversationView setRole(@Auth NovaPrincipal caller, @PathParam("id") String id,
                                    @PathParam("userId") String userId, MemberRoleRequest body) {
        Bodies.require(body);
        return members.setRole(caller.id(), id, userId, Role.parse(body.role()));
    }

    /** Removes a member; removing oneself is leaving. */
    @DELETE
    @Path("/{id}/members/{userId}")
    @Timed
    public Response removeMember(@Auth NovaPrincipal caller, @PathParam("id") String id,
                                 @PathParam("userId") String userId) {
        members.remove(caller.id(), id, userId);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/read")
    @Consumes(MediaType.APPLICATION_JSON)
    @Timed
    public ReadState read(@Auth NovaPrincipal caller, @PathParam("id") String id, ReadRequest body) {
        Bodies.require(body);
        return reads.read(caller.id(), id, body);
    }
}
