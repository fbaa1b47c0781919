package io.nova.user.resources;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.paging.PageParams;
import io.nova.kernel.paging.PagedResponse;
import io.nova.user.core.feed.HomeFeed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code GET /feed}: the caller's home timeline, newest first, cursor-paged (docs/api-feed.md). */
@Path("/api/v1/feed")
@Produces(MediaType.APPLICATION_JSON)
public final class FeedResource {

    private final HomeFeed feed;

    public FeedResource(HomeFeed feed) {
        this.feed = feed;
    }

    @GET
    @Timed
    public Response feed(@Auth NovaPrincipal caller, @BeanParam PageParams page, @Context UriInfo uri) {
        return PagedResponse.of(feed.page(caller, page.request()), uri);
    }
}
