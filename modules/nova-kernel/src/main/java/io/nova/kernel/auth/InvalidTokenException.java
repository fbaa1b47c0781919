package io.nova.kernel.auth;

/** Why a token was refused; logged at debug, never told to the caller beyond "invalid token". */
public final class InvalidTokenException extends Exception {

    public InvalidTokenException(String reason) {
        super(reason, null, false, false);
    }
}
