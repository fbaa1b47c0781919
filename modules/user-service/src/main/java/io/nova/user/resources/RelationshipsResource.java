package io.nova.user.resources;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.paging.PageParams;
import io.nova.kernel.paging.PagedResponse;
import io.nova.user.api.RelationshipView;
import io.nova.user.core.FollowRequestService;
import io.nova.user.core.GraphService;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/relationships}: follow (or ask to, for a private account), unfollow, block, unblock, and answering
 * follow requests — each idempotent, each answering the caller's relationship with that user as it now is.
 */
@Path("/api/v1/relationships")
@Produces(MediaType.APPLICATION_JSON)
public final class RelationshipsResource {

    private final GraphService graph;
    private final FollowRequestService requests;

    public RelationshipsResource(GraphService graph, FollowRequestService requests) {
        this.graph = graph;
        this.requests = requests;
    }

    @GET
    @Timed
    public Map<String, List<RelationshipView>> relationships(@Auth NovaPrincipal caller,
                                                             @QueryParam("ids") String ids) {
        return Map.of("items", graph.relationships(caller.id(), ids));
    }

    @PUT
    @Path("/following/{userId}")
    @Timed
    public RelationshipView follow(@Auth NovaPrincipal caller, @PathParam("userId") String userId) {
        return graph.follow(caller.id(), userId);
    }

    @DELETE
    @Path("/following/{userId}")
    @Timed
    public RelationshipView unfollow(@Auth NovaPrincipal caller, @PathParam("userId") String userId) {
        return graph.unfollow(caller.id(), userId);
    }

    @PUT
    @Path("/blocks/{userId}")
    @Timed
    public RelationshipView block(@Auth NovaPrincipal caller, @PathParam("userId") String userId) {
        return graph.block(caller.id(), userId);
    }

    @DELETE
    @Path("/blocks/{userId}")
    @Timed
    public RelationshipView unblock(@Auth NovaPrincipal caller, @PathParam("userId") String userId) {
        return graph.unblock(caller.id(), userId);
    }

    @GET
    @Path("/follow-requests")
    @Timed
    public Response followRequests(@Auth NovaPrincipal caller, @BeanParam PageParams page, @Context UriInfo uri) {
        return PagedResponse.of(requests.incoming(caller.id(), page.request()), uri);
    }

    @POST
    @Path("/follow-requests/{userId}/approve")
    @Timed
    public RelationshipView approve(@Auth NovaPrincipal caller, @PathParam("userId") String userId) {
        return requests.approve(caller.id(), userId);
    }

    @POST
    @Path("/follow-requests/{userId}/decline")
    @Timed
    public RelationshipView decline(@Auth NovaPrincipal caller, @PathParam("userId") String userId) {
        return requests.decline(caller.id(), userId);
    }
}
