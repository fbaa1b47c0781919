package io.nova.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.DropwizardTestSupport;
import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import io.nova.kernel.errors.ErrorKind;
import io.nova.kernel.config.NovaConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of domain error over HTTP: its status, its code and details in the error body, and its headers. */
@ExtendWith(NovaPlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DomainErrorsOverHttpTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private DropwizardTestSupport<NovaConfiguration> app;

    @BeforeAll
    void start(TestPlatform platform) throws Exception {
        app = KernelApp.start(platform, Map.of());
    }

    @AfterAll
    void stop() {
        app.after();
    }

    @ParameterizedTest
    @EnumSource(ErrorKind.class)
    void eachKindIsItsStatusWithCodeAndDetails(ErrorKind kind) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + app.getLocalPort() + "/probe/refuse/" + kind.name())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(kind.httpStatus());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("error").asText()).isEqualTo("probe_" + kind.name().toLowerCase(java.util.Locale.ROOT));
        assertThat(body.path("message").asText()).isEqualTo("Refused as " + kind);
        assertThat(body.path("details").path("field").asText()).isEqualTo("probe");
        assertThat(body.path("details").path("limit").asInt()).isEqualTo(7);
        assertThat(response.headers().firstValue("WWW-Authenticate").isPresent())
                .isEqualTo(kind == ErrorKind.UNAUTHENTICATED);
        // A 503 always says when to retry: the kind's default (1 s) when the error named no time.
        assertThat(response.headers().firstValue("Retry-After"))
                .isEqualTo(kind == ErrorKind.RATE_LIMITED ? java.util.Optional.of("9")
                        : kind == ErrorKind.UNAVAILABLE ? java.util.Optional.of("1") : java.util.Optional.empty());
    }
}
