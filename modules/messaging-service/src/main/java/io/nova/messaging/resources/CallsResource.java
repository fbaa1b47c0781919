package io.nova.messaging.resources;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.paging.PageParams;
import io.nova.kernel.paging.PagedResponse;
import io.nova.kernel.redis.IdempotencyKeys;
import io.nova.kernel.redis.RateLimiter;
import io.nova.messaging.api.AnswerCallRequest;
import io.nova.messaging.api.CallView;
import io.nova.messaging.api.CandidatesRequest;
import io.nova.messaging.api.IceServersView;
import io.nova.messaging.api.StartCallRequest;
import io.nova.messaging.core.CallHistory;
import io.nova.messaging.core.CallService;
import io.nova.messaging.core.IceServers;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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

/** {@code /api/v1/calls}: WebRTC signaling (docs/api-calls.md) — starting, answering, ending, candidates, history. */
@Path("/api/v1/calls")
@Produces(MediaType.APPLICATION_JSON)
public final class CallsResource {

    private final CallService calls;
    private final CallHistory history;
    private final IceServers iceServers;
    private final RateLimiter starts;
    private final IdempotencyKeys idempotency;

    /** {@code starts}: the calls a user may start per window (configured: {@code calls.startsPerMinute}). */
    public CallsResource(CallService calls, CallHistory history, IceServers iceServers, RateLimiter starts,
                         IdempotencyKeys idempotency) {
        this.calls = calls;
        this.history = history;
        this.iceServers = iceServers;
        this.starts = starts;
        this.idempotency = idempotency;
    }

    /** 201 with the ringing call; 409 {@code call_in_progress} naming the conversation's live call (glare). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Timed
    public Response start(@Auth NovaPrincipal caller, @HeaderParam(IdempotencyKeys.HEADER) String key,
                          StartCallRequest body) {
        Bodies.require(body);
        caller.id();  // a token whose subject is no user id is refused before any replay is looked up
        RateLimiter.Decision allowed = starts.acquireOrThrow("user:" + caller.userId());
        Response response;
        try {
            response = idempotency.run("POST /api/v1/calls", caller.userId(), key, body, () -> {
                CallView call = calls.start(caller, body);
                return Response.created(URI.create("/api/v1/calls/" + call.id())).entity(call).build();
            });
        } catch (DomainException refused) {
            // A refused start counted against the limit too, and says so.
            throw refused.withHeaders(allowed.headers());
        }
        allowed.headers().forEach(response.getHeaders()::putSingle);
        return response;
    }

    @GET
    @Timed
    public Response list(@Auth NovaPrincipal caller, @BeanParam PageParams page, @Context UriInfo uri) {
        return PagedResponse.of(history.list(caller.id(), page.request()), uri);
    }

    /** STUN and TURN servers with fresh TURN credentials; a long call fetches new ones before they expire. */
    @GET
    @Path("/ice-servers")
    @Timed
    public IceServersView iceServers(@Auth NovaPrincipal caller) {
        return iceServers.forUser(caller.id());
    }

    @GET
    @Path("/{id}")
    @Timed
    public CallView get(@Auth NovaPrincipal caller, @PathParam("id") String id) {
        return history.get(caller.id(), id);
    }

    @POST
    @Path("/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Timed
    public CallView answer(@Auth NovaPrincipal caller, @PathParam("id") String id, AnswerCallRequest body) {
        Bodies.require(body);
        return calls.answer(caller.id(), id, body);
    }

    @POST
    @Path("/{id}/reject")
    @Timed
    public CallView reject(@Auth NovaPrincipal caller, @PathParam("id") String id) {
        return calls.reject(caller.id(), id);
    }

    @POST
    @Path("/{id}/end")
    @Timed
    public CallView end(@Auth NovaPrincipal caller, @PathParam("id") String id) {
        return calls.end(caller.id(), id);
    }

    /** 204 once relayed; the other party's sockets get {@code call.candidates}. */
    @POST
    @Path("/{id}/candidates")
    @Consumes(MediaType.APPLICATION_JSON)
    @Timed
    public Response candidates(@Auth NovaPrincipal caller, @PathParam("id") String id, CandidatesRequest body) {
        Bodies.require(body);
        calls.candidates(caller.id(), id, body);
        return Response.noContent().build();
    }
}
