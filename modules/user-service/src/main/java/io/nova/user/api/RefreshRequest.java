package io.nova.user.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/auth/refresh}. */
public record RefreshRequest(@NotBlank @Size(max = 4096) String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[…]";
    }
}
