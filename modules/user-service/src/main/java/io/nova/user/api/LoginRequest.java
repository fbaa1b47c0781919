package io.nova.user.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/auth/login}: {@code login} is the email address or the username. */
public record LoginRequest(
        @NotBlank @Size(max = 254) String login,
        @NotNull @Size(max = 1024) String password) {

    @Override
    public String toString() {
        return "LoginRequest[login=" + login + "]";
    }
}
