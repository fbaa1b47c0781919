package io.nova.media.resources;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.nova.kernel.api.Ids;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.redis.IdempotencyKeys;
import io.nova.kernel.paging.PageParams;
import io.nova.kernel.paging.PagedResponse;
import io.nova.media.api.CreateReelRequest;
import io.nova.media.api.ReelView;
import io.nova.media.core.ReelService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/** {@code /api/v1/reels}: create from an upload, the public feed, read, delete. */
@Path("/api/v1/reels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ReelResource {

    private final ReelService reels;
    private final IdempotencyKeys idempotency;

    public ReelResource(ReelService reels, IdempotencyKeys idempotency) {
        this.reels = reels;
        this.idempotency = idempotency;
    }

    @POST
    @Timed
    public Response create(@Auth NovaPrincipal caller, @HeaderParam(IdempotencyKeys.HEADER) String key,
                           @NotNull @Valid CreateReelRequest request) {
        return idempotency.run("POST /api/v1/reels", caller.userId(), key, request, () -> {
            ReelView reel = reels.create(caller.userId(), request);
            return UploadResource.privately(Response.created(URI.create("/api/v1/reels/" + reel.id()))
                    .entity(reel));
        });
    }

    /** The reels feed: public reels, newest first. */
    @GET
    @Timed
    public Response feed(@Auth NovaPrincipal caller, @BeanParam PageParams page, @Context UriInfo uri) {
        return PagedResponse.of(reels.feed(page.request()), uri);
    }

    @GET
    @Path("/{id}")
    @Timed
    public Response get(@Auth NovaPrincipal caller, @PathParam("id") String id) {
        return UploadResource.privately(Response.ok(reels.get(caller.userId(), Ids.inPath("Reel", id))));
    }

    @DELETE
    @Path("/{id}")
    @Timed
    public Response delete(@Auth NovaPrincipal caller, @PathParam("id") String id) {
        reels.delete(caller.userId(), Ids.inPath("Reel", id));
        return Response.noContent().build();
    }
}
