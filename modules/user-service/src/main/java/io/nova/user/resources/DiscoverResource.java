package io.nova.user.resources;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.paging.PageParams;
import io.nova.kernel.paging.PagedResponse;
import io.nova.user.core.discovery.DiscoverPosts;
import io.nova.user.core.discovery.Suggestions;
import io.nova.user.core.discovery.Trending;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code /api/v1/discover}: trending posts, who to follow, trending hashtags (docs/api-discovery.md). */
@Path("/api/v1/discover")
@Produces(MediaType.APPLICATION_JSON)
public final class DiscoverResource {

    private final DiscoverPosts posts;
    private final Suggestions suggestions;
    private final Trending trending;

    public DiscoverResource(DiscoverPosts posts, Suggestions suggestions, Trending trending) {
        this.posts = posts;
        this.suggestions = suggestions;
        this.trending = trending;
    }

    @GET
    @Path("/posts")
    @Timed
    public Response posts(@Auth NovaPrincipal caller, @BeanParam PageParams page, @Context UriInfo uri) {
        return PagedResponse.of(posts.page(caller, page.request()), uri);
    }

    @GET
    @Path("/users")
    @Timed
    public Response users(@Auth NovaPrincipal caller, @BeanParam PageParams page, @Context UriInfo uri) {
        return PagedResponse.of(suggestions.suggest(caller.id(), page.request()), uri);
    }

    @GET
    @Path("/tags")
    @Timed
    public Response tags(@Auth NovaPrincipal caller, @BeanParam PageParams page, @Context UriInfo uri) {
        return PagedResponse.of(trending.tags(page.request()), uri);
    }
}
