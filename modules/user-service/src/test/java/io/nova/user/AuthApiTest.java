package io.nova.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.dropwizard.testing.ConfigOverride;
import io.nova.kernel.auth.PublicKeys;
import io.nova.kernel.auth.TokenTypes;
import io.nova.contracts.EventTypes;
import io.nova.contracts.Topics;
import io.nova.testing.ApiClient;
import io.nova.testing.EventLog;
import io.nova.testing.TestIdentity;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The identity-and-tokens API of user-service against real PostgreSQL, Redis and Kafka. */
class AuthApiTest extends RunningUserService {

    private static final String PASSWORD = TestUsers.PASSWORD;

    @Override
    protected ConfigOverride[] overrides() {
        // One window for the whole run: a brute-force test's attempts never straddle two fixed windows.
        return new ConfigOverride[] {ConfigOverride.config("auth.loginWindow", "1h")};
    }

    // --- helpers ---

    private record Account(String id, String email, String username, JsonNode body) {
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Each test speaks from its own address, so per-address limits of one test never touch another. */
    private static String randomAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private HttpResponse<String> register(String email, String username, String password) {
        return http.post("/api/v1/auth/register", ApiClient.body("email", email, "username", username,
                "password", password));
    }

    private Account newAccount() {
        String name = "u_" + unique();
        HttpResponse<String> response = register(name + "@example.com", name, PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = ApiClient.json(response);
        return new Account(body.path("user").path("id").asText(), name + "@example.com", name, body);
    }

    private HttpResponse<String> login(String login, String password, String address) {
        return http.post("/api/v1/auth/login", ApiClient.body("login", login, "password", password),
                "X-Real-IP", address);
    }

    private HttpResponse<String> refresh(String refreshToken) {
        return http.post("/api/v1/auth/refresh", ApiClient.body("refresh_token", refreshToken));
    }

    private HttpResponse<String> logout(String accessToken, String body) {
        return http.post("/api/v1/auth/logout", body, "Authorization", "Bearer " + accessToken);
    }

    private static void assertTokens(JsonNode body) {
        assertThat(body.path("access_token").asText()).isNotEmpty();
        assertThat(body.path("refresh_token").asText()).isNotEmpty();
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asLong()).isEqualTo(900);
    }

    /** Every 429 carries the limit's state, as docs/api-conventions.md promises. */
    private static void assertRateLimitHeaders(HttpResponse<String> limited) {
        assertThat(limited.headers().firstValue("X-RateLimit-Limit")).hasValueSatisfying(
                value -> assertThat(Long.parseLong(value)).isPositive());
        assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(limited.headers().firstValue("X-RateLimit-Reset")).hasValueSatisfying(
                value -> assertThat(Long.parseLong(value)).isGreaterThan(System.currentTimeMillis() / 1000 - 1));
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(ApiClient.json(response).path("error").asText()).as(response.body()).isEqualTo(code);
    }

    // --- register ---

    @Test
    void registerAnswersTheUserAndTokensButNeverTheHash() {
        String name = "Ann_" + unique();
        HttpResponse<String> response = register(name + "@Example.com", name, PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("no-store"));
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(value -> assertThat(value)
                .endsWith("/api/v1/users/" + ApiClient.json(response).path("user").path("id").asText()));
        JsonNode body = ApiClient.json(response);
        JsonNode user = body.path("user");
        assertThat(UUID.fromString(user.path("id").asText())).isNotNull();
        assertThat(user.path("username").asText()).isEqualTo(name);
        assertThat(user.path("email").asText()).isEqualTo(name + "@Example.com");
        assertThat(java.time.Instant.parse(user.path("created_at").asText())).isNotNull();
        assertTokens(body);
        assertThat(response.body()).doesNotContain("argon2").doesNotContain("password").doesNotContain(PASSWORD);
    }

    @Test
    void tokensAreRs256WithTheDocumentedClaims() throws Exception {
        Account account = newAccount();
        String kid = PublicKeys.keyId(TestIdentity.publicKey());

        SignedJWT access = SignedJWT.parse(account.body().path("access_token").asText());
        assertThat(access.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(access.getHeader().getKeyID()).isEqualTo(kid);
        JWTClaimsSet claims = access.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("nova");
        assertThat(claims.getAudience()).containsExactly("nova-api");
        assertThat(claims.getSubject()).isEqualTo(account.id());
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getClaim(TokenTypes.CLAIM)).isEqualTo(TokenTypes.ACCESS);
        assertThat(claims.getNotBeforeTime()).isEqualTo(claims.getIssueTime());
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));

        SignedJWT refresh = SignedJWT.parse(account.body().path("refresh_token").asText());
        assertThat(refresh.getHeader().getKeyID()).isEqualTo(kid);
        JWTClaimsSet refreshClaims = refresh.getJWTClaimsSet();
        assertThat(refreshClaims.getClaim(TokenTypes.CLAIM)).isEqualTo(TokenTypes.REFRESH);
        assertThat(refreshClaims.getSubject()).isEqualTo(account.id());
        assertThat(refreshClaims.getJWTID()).isNotEqualTo(claims.getJWTID());
        assertThat(Duration.between(refreshClaims.getIssueTime().toInstant(),
                refreshClaims.getExpirationTime().toInstant())).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void storedPasswordHashesArePhcArgon2idStrings() throws Exception {
        Account account = newAccount();
        try (Connection db = platform.connect();
             PreparedStatement query = db.prepareStatement("SELECT password_hash FROM users WHERE id = ?")) {
            query.setObject(1, UUID.fromString(account.id()));
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1))
                        .matches("^\\$argon2id\\$v=19\\$m=1024,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$");
            }
        }
    }

    @Test
    void registerRefusesMissingMistypedAndMalformedInput() {
        String name = "u_" + unique();
        assertError(http.post("/api/v1/auth/register", "{}"), 400, "validation_failed");
        HttpResponse<String> missing = http.post("/api/v1/auth/register",
                ApiClient.body("email", name + "@example.com", "password", PASSWORD));
        assertError(missing, 400, "validation_failed");
        assertThat(ApiClient.json(missing).path("details").path("fields").has("username")).isTrue();
        assertError(http.post("/api/v1/auth/register", null), 400, "validation_failed");
        assertError(http.post("/api/v1/auth/register", "{\"email\":"), 400, "malformed_json");
        assertError(http.post("/api/v1/auth/register", "{\"email\":[\"a@b.io\"],\"username\":\"" + name
                + "\",\"password\":\"" + PASSWORD + "\"}"), 400, "invalid_field");
        assertError(http.post("/api/v1/auth/register", "{\"email\":\"" + name + "@example.com\",\"username\":{},"
                + "\"password\":\"" + PASSWORD + "\"}"), 400, "invalid_field");
        assertError(http.post("/api/v1/auth/register", ApiClient.body("email", name + "@example.com",
                "username", name, "password", PASSWORD, "admin", true)), 400, "unknown_field");
    }

    @Test
    void registerRefusesBadEmailsAndUsernames() {
        String name = "u_" + unique();
        for (String email : List.of("not-an-email", "a@b", "two@@example.com", "spa ce@example.com",
                "x".repeat(250) + "@example.com", "")) {
            HttpResponse<String> response = register(email, name, PASSWORD);
            assertError(response, 400, "validation_failed");
            assertThat(ApiClient.json(response).path("details").path("fields").has("email")).as(email).isTrue();
        }
        for (String username : List.of("ab", "has space", "ann@home", "x".repeat(31), "dash-ed", "")) {
            HttpResponse<String> response = register(name + "@example.com", username, PASSWORD);
            assertError(response, 400, "validation_failed");
            assertThat(ApiClient.json(response).path("details").path("fields").has("username")).as(username).isTrue();
        }
        assertError(register(name + "@example.com", name, "x".repeat(5000)), 400, "validation_failed");
    }

    @Test
    void registerRefusesWeakPasswords() {
        String name = "Weak_" + unique();
        String email = name + "@example.com";
        assertError(register(email, name, "short1234"), 422, "weak_password");
        assertError(register(email, name, "y".repeat(129)), 422, "weak_password");
        assertError(register(email, name, name.toUpperCase()), 422, "weak_password");
        assertError(register(email, name, email.toUpperCase()), 422, "weak_password");
        assertError(register(email, name, "Password123"), 422, "weak_password");
        assertError(register(email, name, "QWERTYUIOP"), 422, "weak_password");
        HttpResponse<String> common = register(email, name, "letmein12345");
        assertThat(ApiClient.json(common).path("message").asText()).contains("common");
        // None of these created the account.
        assertThat(register(email, name, PASSWORD).statusCode()).isEqualTo(201);
        assertThat(register("z" + email, "z" + name, "y".repeat(128)).statusCode()).isEqualTo(201);
    }

    @Test
    void emailAndUsernameAreUniqueWhateverTheCase() {
        Account account = newAccount();
        HttpResponse<String> email = register(account.email().toUpperCase(), "other_" + unique(), PASSWORD);
        assertError(email, 409, "email_taken");
        assertThat(ApiClient.json(email).path("message").asText()).containsIgnoringCase("email");
        HttpResponse<String> username = register("other_" + unique() + "@example.com",
                account.username().toUpperCase(), PASSWORD);
        assertError(username, 409, "username_taken");
        assertThat(ApiClient.json(username).path("message").asText()).containsIgnoringCase("username");
    }

    @Test
    void registrationPublishesUserRegisteredToKafka() throws Exception {
        Account account = newAccount();
        List<JsonNode> events = EventLog.await(platform.kafkaBootstrapServers(), Topics.USER_EVENTS,
                event -> account.id().equals(event.path("aggregate_id").asText()), 1, Duration.ofSeconds(60));
        assertThat(events).as("user.registered for " + account.id()).hasSize(1);
        JsonNode event = events.get(0);
        assertThat(event.path("type").asText()).isEqualTo(EventTypes.USER_REGISTERED);
        assertThat(event.path("aggregate_id").asText()).isEqualTo(account.id());
        JsonNode payload = event.path("payload");
        assertThat(payload.path("id").asText()).isEqualTo(account.id());
        assertThat(payload.path("username").asText()).isEqualTo(account.username());
        assertThat(payload.path("created_at").asText())
                .isEqualTo(account.body().path("user").path("created_at").asText());
        assertThat(event.toString()).doesNotContain(account.email()).doesNotContain("argon2");
    }

    // --- login ---

    @Test
    void loginByEmailOrUsernameInAnyCase() throws Exception {
        Account account = newAccount();
        String address = randomAddress();
        for (String login : List.of(account.email(), account.username(), account.email().toUpperCase(),
                account.username().toUpperCase())) {
            HttpResponse<String> response = login(login, PASSWORD, address);
            assertThat(response.statusCode()).as(login + ": " + response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
                    value -> assertThat(value).contains("no-store"));
            assertTokens(ApiClient.json(response));
            assertThat(SignedJWT.parse(ApiClient.json(response).path("access_token").asText()).getJWTClaimsSet()
                    .getSubject()).isEqualTo(account.id());
        }
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        Account account = newAccount();
        String address = randomAddress();
        HttpResponse<String> wrong = login(account.username(), PASSWORD + "!", address);
        HttpResponse<String> unknown = login("nobody_" + unique(), PASSWORD, address);
        HttpResponse<String> unknownEmail = login("nobody_" + unique() + "@example.com", PASSWORD, address);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknownEmail.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());
        assertThat(unknownEmail.body()).isEqualTo(wrong.body());
        assertThat(ApiClient.json(wrong).path("error").asText()).isEqualTo("unauthorized");
    }

    @Test
    void loginRefusesBadInput() {
        String address = randomAddress();
        assertError(http.post("/api/v1/auth/login", "{}", "X-Real-IP", address), 400, "validation_failed");
        assertError(http.post("/api/v1/auth/login", ApiClient.body("login", "ann"), "X-Real-IP", address), 400,
                "validation_failed");
        assertError(http.post("/api/v1/auth/login", "{\"login\":{},\"password\":\"x\"}", "X-Real-IP", address),
                400, "invalid_field");
        assertError(http.post("/api/v1/auth/login", ApiClient.body("login", "a".repeat(300), "password", PASSWORD),
                "X-Real-IP", address), 400, "validation_failed");
    }

    @Test
    void tooManyAttemptsOnOneAccountAre429WithRetryAfterAndLimitHeaders() {
        Account account = newAccount();
        for (int i = 0; i < 5; i++) {
            // From a new address each time: the account's own budget is what runs out.
            assertThat(login(account.username(), "wrong password " + i, randomAddress()).statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> limited = login(account.email(), PASSWORD, randomAddress());
        assertError(limited, 429, "rate_limited");
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                value -> assertThat(Long.parseLong(value)).isPositive());
        assertRateLimitHeaders(limited);
    }

    @Test
    void tooManyAttemptsFromOneAddressAre429WithRetryAfterAndLimitHeaders() {
        String address = randomAddress();
        for (int i = 0; i < 20; i++) {
            assertThat(login("nobody_" + unique(), PASSWORD, address).statusCode()).isEqualTo(401);
        }
        Account account = newAccount();
        HttpResponse<String> limited = login(account.username(), PASSWORD, address);
        assertError(limited, 429, "rate_limited");
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                value -> assertThat(Long.parseLong(value)).isPositive());
        assertRateLimitHeaders(limited);
        // Another address still gets in.
        assertThat(login(account.username(), PASSWORD, randomAddress()).statusCode()).isEqualTo(200);
    }

    // --- refresh ---

    @Test
    void refreshRotatesBothTokens() throws Exception {
        Account account = newAccount();
        String first = account.body().path("refresh_token").asText();
        HttpResponse<String> response = refresh(first);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode rotated = ApiClient.json(response);
        assertTokens(rotated);
        assertThat(rotated.path("refresh_token").asText()).isNotEqualTo(first);
        assertThat(rotated.path("access_token").asText()).isNotEqualTo(account.body().path("access_token").asText());
        assertThat(SignedJWT.parse(rotated.path("access_token").asText()).getJWTClaimsSet().getSubject())
                .isEqualTo(account.id());
        // And the new refresh token rotates in turn.
        assertThat(refresh(rotated.path("refresh_token").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeFamily() {
        Account account = newAccount();
        String first = account.body().path("refresh_token").asText();
        JsonNode second = ApiClient.json(refresh(first));
        JsonNode third = ApiClient.json(refresh(second.path("refresh_token").asText()));

        assertError(refresh(first), 401, "unauthorized");
        // The newest pair of the family is dead too: the refresh token, and the access token issued with it.
        assertError(refresh(third.path("refresh_token").asText()), 401, "unauthorized");
        assertThat(logout(third.path("access_token").asText(), null).statusCode()).isEqualTo(401);
        // Another session of the same user is untouched.
        JsonNode other = ApiClient.json(login(account.username(), PASSWORD, randomAddress()));
        assertThat(refresh(other.path("refresh_token").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void refreshRefusesBadTokensAndInput() {
        Account account = newAccount();
        assertError(refresh("not-a-token"), 401, "unauthorized");
        assertError(refresh(account.body().path("access_token").asText()), 401, "unauthorized");
        assertError(http.post("/api/v1/auth/refresh", "{}"), 400, "validation_failed");
        assertError(http.post("/api/v1/auth/refresh", "{\"refresh_token\":[]}"), 400, "invalid_field");
        assertError(refresh("x".repeat(5000)), 400, "validation_failed");
    }

    // --- tokens at the kernel ---

    @Test
    void aRefreshTokenIsNeverAnAccessToken() {
        Account account = newAccount();
        HttpResponse<String> response = logout(account.body().path("refresh_token").asText(), null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    // --- logout ---

    @Test
    void logoutRevokesTheAccessTokenAndItsRefreshFamily() {
        Account account = newAccount();
        String access = account.body().path("access_token").asText();
        String refreshToken = account.body().path("refresh_token").asText();
        assertThat(logout(access, null).statusCode()).isEqualTo(204);
        assertError(logout(access, null), 401, "unauthorized");
        assertError(refresh(refreshToken), 401, "unauthorized");
    }

    @Test
    void logoutWithARefreshTokenEndsThatSessionToo() {
        Account account = newAccount();
        JsonNode other = ApiClient.json(login(account.email(), PASSWORD, randomAddress()));
        HttpResponse<String> response = logout(account.body().path("access_token").asText(),
                ApiClient.body("refresh_token", other.path("refresh_token").asText()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertError(refresh(other.path("refresh_token").asText()), 401, "unauthorized");
        assertError(refresh(account.body().path("refresh_token").asText()), 401, "unauthorized");
    }

    @Test
    void logoutNeedsAValidAccessToken() {
        assertError(http.post("/api/v1/auth/logout", null), 401, "unauthorized");
        assertError(logout("not.a.token", null), 401, "unauthorized");
    }

    // --- JWKS ---

    @Test
    void jwksListsThePublicKeyTokensNameAndNothingPrivate() throws Exception {
        Account account = newAccount();
        HttpResponse<String> response = http.get("/.well-known/jwks.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("max-age=300"));
        JsonNode keys = ApiClient.json(response).path("keys");
        assertThat(keys).hasSize(1);
        JsonNode key = keys.get(0);
        String kid = SignedJWT.parse(account.body().path("access_token").asText()).getHeader().getKeyID();
        assertThat(key.path("kid").asText()).isEqualTo(kid);
        assertThat(key.path("kty").asText()).isEqualTo("RSA");
        assertThat(key.path("alg").asText()).isEqualTo("RS256");
        assertThat(key.path("use").asText()).isEqualTo("sig");
        assertThat(key.has("n")).isTrue();
        assertThat(key.has("e")).isTrue();
        for (String secret : List.of("d", "p", "q", "dp", "dq", "qi", "oth")) {
            assertThat(key.has(secret)).as(secret).isFalse();
        }
        // A verifier reading this document gets exactly our public key.
        assertThat(com.nimbusds.jose.jwk.RSAKey.parse(key.toString()).toRSAPublicKey())
                .isEqualTo(TestIdentity.publicKey());
    }
}
