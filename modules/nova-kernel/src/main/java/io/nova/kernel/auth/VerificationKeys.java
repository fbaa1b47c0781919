package io.nova.kernel.auth;

import java.security.interfaces.RSAPublicKey;
import java.util.Optional;

/** Where a verifier finds the public key a token names with its {@code kid}: PEM configuration or a JWKS URL. */
public interface VerificationKeys {

    Optional<RSAPublicKey> find(String keyId);
}
