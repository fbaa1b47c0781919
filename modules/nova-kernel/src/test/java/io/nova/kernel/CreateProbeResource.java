package io.nova.kernel;

import io.dropwizard.auth.Auth;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.redis.IdempotencyKeys;
import io.nova.kernel.redis.RateLimited;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** A creating endpoint with Idempotency-Key support and a rate-limited one, as services will have them. */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
public final class CreateProbeResource {

    public record NewThing(@NotBlank String name) {
    }

    public record Thing(String id, String name, String owner) {
    }

    static final AtomicInteger CREATED = new AtomicInteger();

    private final IdempotencyKeys idempotency;

    public CreateProbeResource(IdempotencyKeys idempotency) {
        this.idempotency = idempotency;
    }

    @POST
    @Path("/things")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Auth NovaPrincipal caller, @HeaderParam(IdempotencyKeys.HEADER) String key,
                           @Valid NewThing thing) {
        return idempotency.run("POST /probe/things", caller.userId(), key, thing, () -> {
            CREATED.incrementAndGet();
            String id = UUID.randomUUID().toString();
            return Response.created(URI.create("/probe/things/" + id))
                    .entity(new Thing(id, thing.name(), caller.userId())).build();
        });
    }

    @GET
    @Path("/limited")
    @RateLimited(name = "probe-limited", limit = 3, windowSeconds = 60)
    public String limited() {
        return "{\"ok\":true}";
    }
}
