package io.nova.media.resources;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.nova.kernel.api.Ids;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.redis.IdempotencyKeys;
import io.nova.media.api.CreateUploadRequest;
import io.nova.media.api.UploadCreated;
import io.nova.media.core.UploadService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * {@code /api/v1/uploads}: presign an upload, complete (verify) it, read its state and download URLs. Only the
 * owner sees an upload; to anyone else it does not exist.
 */
@Path("/api/v1/uploads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class UploadResource {

    private final UploadService uploads;
    private final IdempotencyKeys idempotency;

    public UploadResource(UploadService uploads, IdempotencyKeys idempotency) {
        this.uploads = uploads;
        this.idempotency = idempotency;
    }

    @POST
    @Timed
    public Response create(@Auth NovaPrincipal caller, @HeaderParam(IdempotencyKeys.HEADER) String key,
                           @NotNull @Valid CreateUploadRequest request) {
        return idempotency.run("POST /api/v1/uploads", caller.userId(), key, request, () -> {
            UploadCreated created = uploads.create(caller.userId(), request);
            return privately(Response.created(URI.create("/api/v1/uploads/" + created.uploadId()))
                    .entity(created));
        });
    }

    @POST
    @Path("/{id}/complete")
    @Timed
    public Response complete(@Auth NovaPrincipal caller, @PathParam("id") String id) {
        UploadService.Completion completion = uploads.complete(caller.userId(), Ids.inPath("Upload", id));
        return privately(Response.status(completion.accepted() ? Response.Status.ACCEPTED : Response.Status.OK)
                .entity(completion.media()));
    }

    @GET
    @Path("/{id}")
    @Timed
    public Response get(@Auth NovaPrincipal caller, @PathParam("id") String id) {
        return privately(Response.ok(uploads.get(caller.userId(), Ids.inPath("Upload", id))));
    }

    /** Presigned URLs are credentials for a while: no shared cache may keep them. */
    static Response privately(Response.ResponseBuilder response) {
        CacheControl control = new CacheControl();
        control.setNoStore(true);
        control.setPrivate(true);
        return response.cacheControl(control).build();
    }
}
