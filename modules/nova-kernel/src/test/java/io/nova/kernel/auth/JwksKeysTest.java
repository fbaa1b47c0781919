package io.nova.kernel.auth;

import com.sun.net.httpserver.HttpServer;
import io.nova.kernel.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys from a real JWKS document over HTTP: rotation is picked up, unknown key ids cannot force refetch floods. */
class JwksKeysTest {

    private static final RSAPublicKey CURRENT = (RSAPublicKey) TestTokens.ISSUER_KEY.getPublic();
    private static final RSAPublicKey NEXT = (RSAPublicKey) TestTokens.OTHER_KEY.getPublic();

    private final AtomicReference<String> document = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer server;
    private Instant now = Instant.parse("2026-11-25T08:00:00Z");

    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @BeforeEach
    void serveJwks() throws Exception {
        document.set(PublicKeys.of(List.of(CURRENT)).toJwkSet().toString());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = document.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private JwksKeys keys() {
        return new JwksKeys(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json"),
                Duration.ofSeconds(30), clock);
    }

    @Test
    void findsTheIssuersKeyAndVerifiesATokenWithIt() throws Exception {
        JwksKeys keys = keys();
        assertThat(keys.find(PublicKeys.keyId(CURRENT))).contains(CURRENT);
        AccessTokenVerifier verifier = new AccessTokenVerifier(keys, "nova", "nova-api", Duration.ofMinutes(15),
                Duration.ofSeconds(30), id -> false, Clock.systemUTC());
        assertThat(verifier.verify(TestTokens.access("u1")).userId()).isEqualTo("u1");
        assertThat(fetches.get()).isEqualTo(1);
    }

    @Test
    void unknownKeyIdsRefetchAtMostOncePerInterval() {
        JwksKeys keys = keys();
        assertThat(keys.find("made-up-1")).isEmpty();
        assertThat(keys.find("made-up-2")).isEmpty();
        assertThat(keys.find("made-up-3")).isEmpty();
        assertThat(fetches.get()).isEqualTo(1);
    }

    @Test
    void aRotatedKeyIsPickedUpAfterTheInterval() {
        JwksKeys keys = keys();
        assertThat(keys.find(PublicKeys.keyId(NEXT))).isEmpty();
        document.set(PublicKeys.of(List.of(CURRENT, NEXT)).toJwkSet().toString());
        assertThat(keys.find(PublicKeys.keyId(NEXT))).isEmpty();
        now = now.plusSeconds(31);
        assertThat(keys.find(PublicKeys.keyId(NEXT))).contains(NEXT);
        assertThat(keys.find(PublicKeys.keyId(CURRENT))).contains(CURRENT);
        assertThat(fetches.get()).isEqualTo(2);
    }
}
