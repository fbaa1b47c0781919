package io.nova.user.api;

/** RFC 6749 §5.1: {@code access_token}, {@code refresh_token}, {@code token_type} "Bearer", {@code expires_in} s. */
public record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {

    public static TokenResponse bearer(String accessToken, String refreshToken, long expiresIn) {
        return new TokenResponse(accessToken, refreshToken, "Bearer", expiresIn);
    }
}
