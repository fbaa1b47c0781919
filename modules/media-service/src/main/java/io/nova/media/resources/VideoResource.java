package io.nova.media.resources;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.nova.kernel.api.Ids;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.redis.IdempotencyKeys;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.paging.PageParams;
import io.nova.kernel.paging.PagedResponse;
import io.nova.media.api.CreateVideoRequest;
import io.nova.media.api.UpdateVideoRequest;
import io.nova.media.api.VideoView;
import io.nova.media.core.VideoService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.Map;

/** {@code /api/v1/videos}: create from an upload, read, edit, delete, and a creator's list. */
@Path("/api/v1/videos")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class VideoResource {

    private final VideoService videos;
    private final IdempotencyKeys idempotency;

    public VideoResource(VideoService videos, IdempotencyKeys idempotency) {
        this.videos = videos;
        this.idempotency = idempotency;
    }

    @POST
    @Timed
    public Response create(@Auth NovaPrincipal caller, @HeaderParam(IdempotencyKeys.HEADER) String key,
                           @NotNull @Valid CreateVideoRequest request) {
        return idempotency.run("POST /api/v1/videos", caller.userId(), key, request, () -> {
            VideoView video = videos.create(caller.userId(), request);
            return UploadResource.privately(Response.created(URI.create("/api/v1/videos/" + video.id()))
                    .entity(video));
        });
    }

    @GET
    @Timed
    public Response byCreator(@Auth NovaPrincipal caller, @QueryParam("creator") String creator,
                              @BeanParam PageParams page, @Context UriInfo uri) {
        if (creator == null || creator.isBlank()) {
            throw DomainException.invalid("invalid_parameter", "creator is required: the id of whose videos to list",
                    Map.of("parameter", "creator"));
        }
        return PagedResponse.of(videos.byCreator(caller.userId(), creator, page.request()), uri);
    }

    @GET
    @Path("/{id}")
    @Timed
    public Response get(@Auth NovaPrincipal caller, @PathParam("id") String id) {
        return UploadResource.privately(Response.ok(videos.get(caller.userId(), Ids.inPath("Video", id))));
    }

    @PATCH
    @Path("/{id}")
    @Timed
    public Response update(@Auth NovaPrincipal caller, @PathParam("id") String id,
                           @NotNull @Valid UpdateVideoRequest request) {
        return UploadResource.privately(Response.ok(videos.update(caller.userId(), Ids.inPath("Video", id), request)));
    }

    @DELETE
    @Path("/{id}")
    @Timed
    public Response delete(@Auth NovaPrincipal caller, @PathParam("id") String id) {
        videos.delete(caller.userId(), Ids.inPath("Video", id));
        return Response.noContent().build();
    }
}
