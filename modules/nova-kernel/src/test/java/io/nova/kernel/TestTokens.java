package io.nova.kernel;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.nova.kernel.auth.PublicKeys;
import io.nova.kernel.auth.TokenTypes;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Mints tokens, good and bad, the way an issuer (or an attacker) would. */
public final class TestTokens {

    public static final KeyPair ISSUER_KEY = generate();
    public static final KeyPair OTHER_KEY = generate();

    private TestTokens() {
    }

    public static PublicKeys trustedKeys() {
        return PublicKeys.of(java.util.List.of((RSAPublicKey) ISSUER_KEY.getPublic()));
    }

    public static JWTClaimsSet.Builder validClaims(String userId) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("nova")
                .audience("nova-api")
                .subject(userId)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .claim(TokenTypes.CLAIM, TokenTypes.ACCESS);
    }

    public static String access(String userId) {
        return sign(validClaims(userId).build(), ISSUER_KEY);
    }

    public static String with(String userId, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(change.apply(validClaims(userId)).build(), ISSUER_KEY);
    }

    /** Signed by a key we do not trust, but claiming the trusted key's id. */
    public static String forged(String userId) {
        try {
            SignedJWT jwt = new SignedJWT(header(ISSUER_KEY), validClaims(userId).build());
            jwt.sign(new RSASSASigner(OTHER_KEY.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code alg: none}). */
    public static String unsigned(String userId) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64.encodeToString(validClaims(userId).build().toString().getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    /** HS256 "signed" with the public key's bytes: the classic algorithm-confusion attack. */
    public static String hmacWithPublicKey(String userId) {
        try {
            byte[] secret = ISSUER_KEY.getPublic().getEncoded();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                    .keyID(PublicKeys.keyId((RSAPublicKey) ISSUER_KEY.getPublic())).build(),
                    validClaims(userId).build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWTClaimsSet claims, KeyPair key) {
        try {
            SignedJWT jwt = new SignedJWT(header(key), claims);
            jwt.sign(new RSASSASigner(key.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWSHeader header(KeyPair key) {
        return new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(PublicKeys.keyId((RSAPublicKey) key.getPublic()))
                .build();
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
