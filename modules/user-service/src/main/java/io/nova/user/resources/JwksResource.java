package io.nova.user.resources;

import com.nimbusds.jose.jwk.JWKSet;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * {@code GET /.well-known/jwks.json}: the public keys tokens are verified with, for services configured with
 * JWT_JWKS_URL. Cacheable for five minutes; verifiers refetch anyway when a token names a key they lack.
 */
@Path("/.well-known/jwks.json")
public final class JwksResource {

    private final Map<String, Object> document;

    public JwksResource(JWKSet keys) {
        // toJSONObject(true): public parameters only, whatever the set holds.
        this.document = keys.toJSONObject(true);
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "application/jwk-set+json"})
    public Response keys() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        cache.setPrivate(false);
        return Response.ok(document).cacheControl(cache).build();
    }
}
