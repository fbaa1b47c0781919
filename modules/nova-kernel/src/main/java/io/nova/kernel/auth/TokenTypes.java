package io.nova.kernel.auth;

/** The values of the {@code typ} claim; a token of one type is never accepted as the other. */
public final class TokenTypes {

    public static final String ACCESS = "access";
    public static final String REFRESH = "refresh";
    public static final String CLAIM = "typ";

    private TokenTypes() {
    }
}
