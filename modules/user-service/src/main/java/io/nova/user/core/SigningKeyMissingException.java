package io.nova.user.core;

/** Tokens were asked for, but no signing key is configured (JWT_PRIVATE_KEY_PEM): 503, see the mapper. */
public final class SigningKeyMissingException extends RuntimeException {

    public SigningKeyMissingException() {
        super("Tokens cannot be issued: user-service has no signing key (JWT_PRIVATE_KEY_PEM)", null, false, false);
    }
}
