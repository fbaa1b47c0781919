package io.nova.kernel.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keys from the issuer's JWKS document (user-service's {@code /.well-known/jwks.json}), cached. An unknown
 * {@code kid} — the issuer has rotated — fetches the document again, at most once per {@code minRefresh}, so a
 * flood of tokens with made-up key ids cannot turn into a flood of requests.
 */
public final class JwksKeys implements VerificationKeys {

    private static final Logger LOG = LoggerFactory.getLogger(JwksKeys.class);

    private final URI url;
    private final Duration minRefresh;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Map<String, RSAPublicKey> keys = Map.of();
    private volatile Instant fetchedAt = Instant.EPOCH;

    public JwksKeys(URI url, Duration minRefresh, Clock clock) {
        this.url = url;
        this.minRefresh = minRefresh;
        this.clock = clock;
    }

    @Override
    public Optional<RSAPublicKey> find(String keyId) {
        if (keyId == null) {
            return Optional.empty();
        }
        RSAPublicKey key = keys.get(keyId);
        if (key == null && refreshAllowed()) {
            refresh();
            key = keys.get(keyId);
        }
        return Optional.ofNullable(key);
    }

    private synchronized boolean refreshAllowed() {
        return !clock.instant().isBefore(fetchedAt.plus(minRefresh));
    }

    private synchronized void refresh() {
        if (!refreshAllowed()) {
            return;
        }
        fetchedAt = clock.instant();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(3))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warn("JWKS {} answered {}; keeping {} known key(s)", url, response.statusCode(), keys.size());
                return;
            }
            Map<String, RSAPublicKey> fresh = new HashMap<>();
            for (JWK jwk : JWKSet.parse(response.body()).getKeys()) {
                if (jwk instanceof RSAKey rsa && jwk.getKeyID() != null) {
                    fresh.put(jwk.getKeyID(), rsa.toRSAPublicKey());
                }
            }
            keys = Map.copyOf(fresh);
        } catch (java.text.ParseException | JOSEException | java.io.IOException e) {
            LOG.warn("JWKS {} could not be read: {}; keeping {} known key(s)", url, e.toString(), keys.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
