package io.nova.user;

import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import io.nova.testing.ApiClient;
import io.nova.testing.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** With no JWT_PRIVATE_KEY_PEM the service runs, but says plainly why it cannot issue tokens. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NovaPlatformExtension.class)
class WithoutSigningKeyTest {

    private TestPlatform platform;
    private RunningService<UserServiceConfiguration> service;
    private ApiClient http;

    @BeforeAll
    void start(TestPlatform platform) {
        this.platform = platform;
        service = RunningService.start(UserServiceApplication.class, platform);
        http = new ApiClient(service);
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    private static void assertUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(ApiClient.json(response).path("error").asText()).isEqualTo("signing_key_missing");
        assertThat(ApiClient.json(response).path("message").asText()).contains("JWT_PRIVATE_KEY_PEM");
    }

    @Test
    void tokenEndpointsAnswer503AndCreateNothing() throws Exception {
        String body = ApiClient.body("email", "ann@example.com", "username", "ann", "password", "correct horse battery");
        assertUnavailable(http.post("/api/v1/auth/register", body));
        assertUnavailable(http.post("/api/v1/auth/login",
                ApiClient.body("login", "ann", "password", "correct horse battery")));
        assertUnavailable(http.post("/api/v1/auth/refresh", ApiClient.body("refresh_token", "x.y.z")));
        try (var db = platform.connect();
             var count = db.createStatement().executeQuery("SELECT count(*) FROM users")) {
            count.next();
            assertThat(count.getLong(1)).isZero();
        }
    }

    @Test
    void jwksIsAnEmptySet() {
        HttpResponse<String> response = http.get("/.well-known/jwks.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(response).path("keys")).isEmpty();
    }
}
