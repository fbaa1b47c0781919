package io.nova.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.dropwizard.testing.ConfigOverride;
import io.nova.kernel.auth.PublicKeys;
import io.nova.kernel.auth.TokenTypes;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/**
 * The token issuer as the services other than user-service see it: one RSA key per test JVM, its public half
 * configured as {@code jwt.publicKeys}, and access tokens minted with the claims user-service puts in them.
 */
public final class TestIdentity {

    private static final KeyPair KEY = generate();

    private TestIdentity() {
    }

    /** Makes a service trust this class's tokens. */
    public static ConfigOverride trustTokens() {
        return ConfigOverride.config("jwt.publicKeys", publicPem());
    }

    public static String privatePem() {
        return pem("PRIVATE" + " KEY", KEY.getPrivate().getEncoded());
    }

    public static RSAPublicKey publicKey() {
        return (RSAPublicKey) KEY.getPublic();
    }

    public static String publicPem() {
        return pem("PUBLIC KEY", KEY.getPublic().getEncoded());
    }

    /** A new user id with a valid 15-minute access token. */
    public static User newUser() {
        String id = UUID.randomUUID().toString();
        return new User(id, accessToken(id));
    }

    public static String accessToken(String userId) {
        return accessToken(userId, Duration.ofMinutes(15));
    }

    /** An access token issued now for {@code lifetime} ({@code exp - iat}), signed with this class's key. */
    public static String accessToken(String userId, Duration lifetime) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("nova")
                .audience("nova-api")
                .subject(userId)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .claim(TokenTypes.CLAIM, TokenTypes.ACCESS)
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .type(JOSEObjectType.JWT)
                    .keyID(PublicKeys.keyId((RSAPublicKey) KEY.getPublic()))
                    .build(), claims);
            jwt.sign(new RSASSASigner(KEY.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A user as a test client: id and the {@code Authorization} header value. */
    public record User(String id, String accessToken) {
        public String bearer() {
            return "Bearer " + accessToken;
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
