package io.nova.user.resources;

import com.codahale.metrics.annotation.Timed;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.paging.PageParams;
import io.nova.kernel.paging.PagedResponse;
import io.nova.user.api.OwnProfile;
import io.nova.user.api.UserProfile;
import io.nova.user.core.GraphService;
import io.nova.user.core.ProfileEdit;
import io.nova.user.core.ProfileService;
import jakarta.ws.rs.BeanParam;
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
        return profiles.own(caller.id());
    }

    @PATCH
    @Path("/me")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Timed
    public OwnProfile editMe(@Auth NovaPrincipal caller, JsonNode body) {
        return profiles.edit(caller, ProfileEdit.parse(body));
    }

    /** Exact username lookup (case-insensitive): {@code GET /users?username=ann}. */
    @GET
    @Timed
    public UserProfile byUsername(@Auth NovaPrincipal caller, @QueryParam("username") String username) {
        return profiles.byUsername(caller.id(), username);
    }

    @GET
    @Path("/search")
    @Timed
    public Response search(@Auth NovaPrincipal caller, @QueryParam("q") String query,
                           @BeanParam PageParams page, @Context UriInfo uri) {
        return PagedResponse.of(profiles.search(caller.id(), query, page.request()), uri);
    }

    @GET
    @Path("/{id}")
    @Timed
    public UserProfile byId(@Auth NovaPrincipal caller, @PathParam("id") String id) {
        return profiles.byId(caller.id(), id);
    }

    @GET
    @Path("/{id}/followers")
    @Timed
    public Response followers(@Auth NovaPrincipal caller, @PathParam("id") String id,
                              @BeanParam PageParams page, @Context UriInfo uri) {
        return PagedResponse.of(graph.followers(caller.id(), id, page.request()), uri);
    }

    @GET
    @Path("/{id}/following")
    @Timed
    public Response following(@Auth NovaPrincipal caller, @PathParam("id") String id,
                              @BeanParam PageParams page, @Context UriInfo uri) {
        return PagedResponse.of(graph.following(caller.id(), id, page.request()), uri);
    }
}
