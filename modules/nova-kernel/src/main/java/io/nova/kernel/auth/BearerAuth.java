package io.nova.kernel.auth;

import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.UnauthorizedHandler;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.core.setup.Environment;
import io.nova.kernel.errors.ApiError;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/** Puts the access-token check in front of every resource parameter annotated {@code @Auth NovaPrincipal}. */
public final class BearerAuth {

    private static final Logger LOG = LoggerFactory.getLogger(BearerAuth.class);

    private BearerAuth() {
    }

    public static void install(Environment environment, AccessTokenVerifier verifier) {
        OAuthCredentialAuthFilter<NovaPrincipal> filter = new OAuthCredentialAuthFilter.Builder<NovaPrincipal>()
                .setAuthenticator(token -> {
                    try {
                        return Optional.of(verifier.verify(token));
                    } catch (InvalidTokenException e) {
                        LOG.debug("Refused a bearer token: {}", e.getMessage());
                        return Optional.empty();
                    }
                })
                .setPrefix("Bearer")
                .setRealm("nova")
                .setUnauthorizedHandler(new JsonUnauthorizedHandler())
                .buildAuthFilter();
        environment.jersey().register(new AuthDynamicFeature(filter));
        environment.jersey().register(new AuthValueFactoryProvider.Binder<>(NovaPrincipal.class));
    }

    /** The same message for a missing, malformed, expired or revoked token: no hint which check failed. */
    private static final class JsonUnauthorizedHandler implements UnauthorizedHandler {
        @Override
        public Response buildResponse(String prefix, String realm) {
            return Response.status(401)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + realm + "\", error=\"invalid_token\"")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError("unauthorized", "A valid access token is required"))
                    .build();
        }
    }
}
