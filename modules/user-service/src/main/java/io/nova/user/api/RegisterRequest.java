package io.nova.user.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/auth/register}. Formats are checked here (400 validation_failed); the password rules that
 * need the other fields live in {@code PasswordPolicy} (422 weak_password).
 */
public record RegisterRequest(
        @NotNull
        @Size(max = 254)
        @Pattern(regexp = EMAIL, message = "must be an email address such as ann@example.com")
        String email,

        @NotNull
        @Pattern(regexp = USERNAME, message = "must be 3 to 30 letters, digits or underscores")
        String username,

        // The length rule is the policy's; this bound only keeps absurd bodies away from the hasher.
        @NotNull
        @Size(max = 1024)
        String password) {

    /** A practical address shape (local part ≤ 64, dotted domain of letters, digits and hyphens), not full RFC 5322. */
    public static final String EMAIL = "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}"
            + "@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$";
    /** No '@', so a login name is unambiguously an email or a username. */
    public static final String USERNAME = "^[A-Za-z0-9_]{3,30}$";

    @Override
    public String toString() {
        return "RegisterRequest[email=" + email + ", username=" + username + "]";
    }
}
