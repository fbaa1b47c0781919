package io.nova.kernel.auth;

import io.nova.kernel.TestTokens;
import org.junit.jupiter.api.Test;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token remembered after its first check is still re-checked for what can change: time, key, revocation. */
class AccessTokenVerifierTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
    private final Set<String> revoked = new HashSet<>();
    private final AtomicReference<Boolean> keyTrusted = new AtomicReference<>(true);
    private final VerificationKeys keys = keyId -> keyTrusted.get()
            ? TestTokens.trustedKeys().find(keyId) : Optional.<RSAPublicKey>empty();
    private final AccessTokenVerifier verifier = new AccessTokenVerifier(keys, "nova", "nova-api",
            Duration.ofMinutes(15), Duration.ofSeconds(30), revoked::contains, new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now.get();
                }
            });

    @Test
    void aRememberedTokenExpiresOnTime() throws Exception {
        String token = TestTokens.access("alice");
        assertThat(verifier.verify(token).userId()).isEqualTo("alice");
        assertThat(verifier.verify(token).userId()).isEqualTo("alice");
        now.set(now.get().plus(Duration.ofMinutes(16)));
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aRememberedTokenIsRefusedOnceRevoked() throws Exception {
        String token = TestTokens.access("bob");
        NovaPrincipal bob = verifier.verify(token);
        revoked.add(bob.tokenId());
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("revoked");
    }

    @Test
    void aRememberedTokenIsRefusedOnceItsKeyIsNoLongerTrusted() throws Exception {
        String token = TestTokens.access("carol");
        verifier.verify(token);
        keyTrusted.set(false);
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("no longer trusted");
    }

    @Test
    void aRefusedTokenIsNotRemembered() {
        String forged = TestTokens.forged("mallory");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(InvalidTokenException.class)
                    .hasMessageContaining("bad signature");
        }
    }

    @Test
    void aTokenLivingLongerThanTheIssuersLifetimePlusSkewIsRefused() throws Exception {
        Instant issued = now.get();
        assertThatThrownBy(() -> verifier.verify(TestTokens.with("dave", claims -> claims
                .expirationTime(Date.from(issued.plus(Duration.ofDays(3650)))))))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("lifetime");
        assertThatThrownBy(() -> verifier.verify(TestTokens.with("dave", claims -> claims.issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(Duration.ofMinutes(15)).plusSeconds(31))))))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("lifetime");
        // The longest lifetime the issuer may give, with the clock skew's allowance on top, still passes.
        assertThat(verifier.verify(TestTokens.with("dave", claims -> claims.issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(Duration.ofMinutes(15)).plusSeconds(30))))).userId())
                .isEqualTo("dave");
    }

    @Test
    void withoutIatTheLifetimeRunsFromNbfAndWithoutEitherFromNow() throws Exception {
        Instant start = now.get();
        assertThatThrownBy(() -> verifier.verify(TestTokens.with("erin", claims -> claims.issueTime(null)
                .notBeforeTime(Date.from(start.minus(Duration.ofHours(1))))
                .expirationTime(Date.from(start.plus(Duration.ofMinutes(5)))))))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("lifetime");
        assertThatThrownBy(() -> verifier.verify(TestTokens.with("erin", claims -> claims.issueTime(null)
                .notBeforeTime(null).expirationTime(Date.from(start.plus(Duration.ofDays(3650)))))))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("lifetime");
        assertThat(verifier.verify(TestTokens.with("erin", claims -> claims.issueTime(null).notBeforeTime(null)
                .expirationTime(Date.from(start.plus(Duration.ofMinutes(10)))))).userId()).isEqualTo("erin");
    }

    @Test
    void anIatInTheFutureDoesNotShortenTheLifetimeOfATokenUsableNow() {
        Instant start = now.get();
        // Without nbf the token works now; claiming iat = exp - 15 min must not hide its 10 years.
        assertThatThrownBy(() -> verifier.verify(TestTokens.with("frank", claims -> claims.notBeforeTime(null)
                .issueTime(Date.from(start.plus(Duration.ofDays(3650))))
                .expirationTime(Date.from(start.plus(Duration.ofDays(3650)).plus(Duration.ofMinutes(15)))))))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("lifetime");
    }
}
