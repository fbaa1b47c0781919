package io.nova.user.resources;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.user.api.RelationshipView;
import io.nova.user.core.GraphService;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/relationships}: follow, unfollow, block, unblock — each idempotent, each answering the caller's
 * relationship with that user as it now is.
 */
@Path("/api/v1/relationships")
@Produces(MediaType.APPLICATION_JSON)
public final class RelationshipsResource {

    private final GraphService graph;

    public RelationshipsResource(GraphService graph) {
        this.graph = graph;
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
}
