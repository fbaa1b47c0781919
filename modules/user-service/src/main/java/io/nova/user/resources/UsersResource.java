package io.nova.user.resources;

import com.codahale.metrics.annotation.Timed;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.paging.PageRequest;
import io.nova.kernel.paging.PagedResponse;
import io.nova.user.api.OwnProfile;
import io.nova.user.api.UserProfile;
import io.nova.user.core.GraphService;
import io.nova.user.core.ProfileEdit;
import io.nova.user.core.ProfileService;
import io.nova.user.core.UserIds;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.UUID;

/** {@code /api/v1/users}: one's own profile, other people's, finding people, and follower lists. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
public final class UsersResource {

    /** RFC 7396; plain JSON is accepted too, since that is what most clients send. */
    static final String MERGE_PATCH = "application/merge-patch+json";

    private final ProfileService profiles;
    private final GraphService graph;

    public UsersResource(ProfileService profiles, GraphService graph) {
        this.profiles = profiles;
        this.graph = graph;
    }

    @GET
    @Path("/me")
    @Timed
    public OwnProfile me(@Auth NovaPrincipal caller) {
        return profiles.own(id(caller));
    }

    @PATCH
    @Path("/me")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Timed
    public OwnProfile editMe(@Auth NovaPrincipal caller, JsonNode body) {
        return profiles.edit(caller, id(caller), ProfileEdit.parse(body));
    }

    /** Exact username lookup (case-insensitive): {@code GET /users?username=ann}. */
    @GET
    @Timed
    public UserProfile byUsername(@Auth NovaPrincipal caller, @QueryParam("username") String username) {
        return profiles.byUsername(id(caller), username);
    }

    @GET
    @Path("/search")
    @Timed
    public Response search(@Auth NovaPrincipal caller, @QueryParam("q") String query,
                           @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                           @Context UriInfo uri) {
        return PagedResponse.of(profiles.search(id(caller), query, PageRequest.of(limit, cursor)), uri);
    }

    @GET
    @Path("/{id}")
    @Timed
    public UserProfile byId(@Auth NovaPrincipal caller, @PathParam("id") String id) {
        return profiles.byId(id(caller), id);
    }

    @GET
    @Path("/{id}/followers")
    @Timed
    public Response followers(@Auth NovaPrincipal caller, @PathParam("id") String id,
                              @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                              @Context UriInfo uri) {
        return PagedResponse.of(graph.followers(id(caller), id, PageRequest.of(limit, cursor)), uri);
    }

    @GET
    @Path("/{id}/following")
    @Timed
    public Response following(@Auth NovaPrincipal caller, @PathParam("id") String id,
                              @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                              @Context UriInfo uri) {
        return PagedResponse.of(graph.following(id(caller), id, PageRequest.of(limit, cursor)), uri);
    }

    /** The caller's user id; a token whose subject is not one (never issued by user-service) is refused. */
    static UUID id(NovaPrincipal caller) {
        return UserIds.parse(caller.userId())
                .orElseThrow(() -> DomainException.unauthenticated("A valid access token is required"));
    }
}
