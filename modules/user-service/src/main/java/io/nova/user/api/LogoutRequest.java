package io.nova.user.api;

import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/auth/logout}'s optional body: a refresh token whose family ends too. */
public record LogoutRequest(@Size(max = 4096) String refreshToken) {

    @Override
    public String toString() {
        return "LogoutRequest[…]";
    }
}
