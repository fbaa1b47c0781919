package io.nova.user.resources;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.http.ClientAddresses;
import io.nova.user.api.LoginRequest;
import io.nova.user.api.LogoutRequest;
import io.nova.user.api.RefreshRequest;
import io.nova.user.api.RegisterRequest;
import io.nova.user.api.RegisteredResponse;
import io.nova.user.api.TokenResponse;
import io.nova.user.core.AuthService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/v1/auth}: register, login, refresh, logout. Register takes no {@code Idempotency-Key}: its replay
 * would have to keep live tokens in Redis for a day for anyone repeating key and body, and a plain retry is already
 * safe — it gets 409 {@code email_taken} and the client logs in.
 */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AuthResource {

    private final AuthService auth;

    public AuthResource(AuthService auth) {
        this.auth = auth;
    }

    @POST
    @Path("/register")
    @Timed
    public Response register(@NotNull @Valid RegisterRequest request) {
        RegisteredResponse registered = auth.register(request);
        return noStore(Response.created(java.net.URI.create("/api/v1/users/" + registered.user().id()))
                .entity(registered));
    }

    @POST
    @Path("/login")
    @Timed
    public Response login(@NotNull @Valid LoginRequest request, @Context HttpServletRequest servlet) {
        TokenResponse tokens = auth.login(request, ClientAddresses.of(servlet));
        return noStore(Response.ok(tokens));
    }

    @POST
    @Path("/refresh")
    @Timed
    public Response refresh(@NotNull @Valid RefreshRequest request) {
        return noStore(Response.ok(auth.refresh(request.refreshToken())));
    }

    @POST
    @Path("/logout")
    @Timed
    public Response logout(@Auth NovaPrincipal caller, @Valid LogoutRequest request) {
        auth.logout(caller, request == null ? null : request.refreshToken());
        return Response.noContent().build();
    }

    /** RFC 6749 §5.1: responses carrying tokens must not be cached. */
    private static Response noStore(Response.ResponseBuilder response) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return response.cacheControl(noStore).header("Pragma", "no-cache").build();
    }
}
