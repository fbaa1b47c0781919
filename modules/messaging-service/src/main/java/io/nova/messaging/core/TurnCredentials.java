package io.nova.messaging.core;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Time-limited TURN credentials as the TURN REST API draft (draft-uberti-behave-turn-rest) and coturn's
 * {@code use-auth-secret} define them: username {@code <expiry unix seconds>:<user id>}, credential
 * base64(HMAC-SHA1(shared secret, username)). The TURN server recomputes the HMAC with the same secret and refuses
 * an expired username, so Nova never talks to it and nothing is stored. Pure.
 */
public record TurnCredentials(String username, String credential, Instant expiresAt) {

    public static TurnCredentials issue(String secret, UUID user, Instant now, long ttlSeconds) {
        Instant expiresAt = expiry(now, ttlSeconds);
        String username = expiresAt.getEpochSecond() + ":" + user;
        return new TurnCredentials(username, hmacSha1Base64(secret, username), expiresAt);
    }

    /** Whole seconds, as the username carries it. */
    public static Instant expiry(Instant now, long ttlSeconds) {
        return Instant.ofEpochSecond(now.getEpochSecond() + ttlSeconds);
    }

    static String hmacSha1Base64(String secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // Every Java platform has HmacSHA1 (a required algorithm), so this is a broken JVM.
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }
}
