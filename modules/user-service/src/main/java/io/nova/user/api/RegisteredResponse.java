package io.nova.user.api;

/** {@code 201} of register: the new account, and the same token fields login answers with, side by side. */
public record RegisteredResponse(UserView user, String accessToken, String refreshToken, String tokenType,
                                 long expiresIn) {

    public static RegisteredResponse of(UserView user, TokenResponse tokens) {
        return new RegisteredResponse(user, tokens.accessToken(), tokens.refreshToken(), tokens.tokenType(),
                tokens.expiresIn());
    }
}
