package io.nova.user;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.nova.testing.ApiClient;
import io.nova.testing.TestIdentity;

import java.net.http.HttpResponse;
import java.util.UUID;

/** Signs people up through the real register endpoint, as a client would. */
final class TestUsers {

    static final String PASSWORD = "correct horse battery";

    /** A registered person: id, username, email and a live access token. */
    record User(String id, String username, String email, String token) {
    }

    private final ApiClient http;

    TestUsers(ApiClient http) {
        this.http = http;
    }

    /** What every user-service test app needs: the test key pair and cheap password hashes. */
    static ConfigOverride[] serviceOverrides(ConfigOverride... more) {
        ConfigOverride[] base = {
                ConfigOverride.config("jwt.publicKeys", TestIdentity.publicPem()),
                ConfigOverride.config("auth.signingKey", TestIdentity.privatePem()),
                // Cheap hashes keep the suite fast; PasswordHasherTest covers the production parameters.
                ConfigOverride.config("auth.argon2MemoryKib", "1024"),
                ConfigOverride.config("auth.argon2Iterations", "1")};
        ConfigOverride[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    User register() {
        return register("u" + unique());
    }

    User register(String username) {
        String email = username.toLowerCase() + "@example.com";
        HttpResponse<String> response = http.post("/api/v1/auth/register",
                ApiClient.body("email", email, "username", username, "password", PASSWORD));
        if (response.statusCode() != 201) {
            throw new AssertionError("register " + username + ": " + response.statusCode() + " " + response.body());
        }
        JsonNode body = ApiClient.json(response);
        return new User(body.path("user").path("id").asText(), username, email,
                body.path("access_token").asText());
    }

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
