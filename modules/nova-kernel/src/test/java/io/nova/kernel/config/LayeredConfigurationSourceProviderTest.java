package io.nova.kernel.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.nova.kernel.ServiceIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LayeredConfigurationSourceProviderTest {

    private static final ServiceIdentity SERVICE = new ServiceIdentity("kernel-test", 18080, 19080, 18180, "nova_kernel_test");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path dir;

    private JsonNode open(Map<String, String> environment, String path) throws IOException {
        try (InputStream in = new LayeredConfigurationSourceProvider(SERVICE, environment).open(path)) {
            return YAML.readTree(in);
        }
    }

    @Test
    void portsDefaultToTheServiceIdentity() throws IOException {
        JsonNode config = open(Map.of(), "");
        assertThat(config.at("/server/applicationConnectors/0/port").asInt()).isEqualTo(18080);
        assertThat(config.at("/server/adminConnectors/0/port").asInt()).isEqualTo(18180);
        assertThat(config.at("/server/adminConnectors/0/bindHost").asText()).isEqualTo("127.0.0.1");
        assertThat(config.at("/grpc/port").asInt()).isEqualTo(19080);
        assertThat(config.at("/logging/level").asText()).isEqualTo("INFO");
    }

    @Test
    void theEnvironmentWinsOverDefaults() throws IOException {
        JsonNode config = open(Map.of("HTTP_PORT", "9999", "LOG_LEVEL", "debug", "APP_ENV", "prod"), "");
        assertThat(config.at("/server/applicationConnectors/0/port").asInt()).isEqualTo(9999);
        assertThat(config.at("/logging/level").asText()).isEqualTo("debug");
        assertThat(config.at("/environment").asText()).isEqualTo("prod");
    }

    @Test
    void environmentValuesAreDataNotYaml() throws IOException {
        String pem = "-----BEGIN PUBLIC KEY-----\nMIIBIjAN: 'x' \"y\" # z\n-----END PUBLIC KEY-----\n";
        JsonNode config = open(Map.of("JWT_PUBLIC_KEY_PEM", pem, "DB_PASSWORD", "p: w'd\"#"), "");
        assertThat(config.at("/jwt/publicKeys").asText()).isEqualTo(pem);
        assertThat(config.at("/database/password").asText()).isEqualTo("p: w'd\"#");
        JsonNode dollars = open(Map.of("DB_PASSWORD", "pa${HOME}ss$${x}"), "");
        assertThat(dollars.at("/database/password").asText()).isEqualTo("pa${HOME}ss$${x}");
    }

    @Test
    void anOperatorFileOverridesKeyByKey() throws IOException {
        Path file = dir.resolve("override.yml");
        Files.writeString(file, "logging:\n  level: ${NOVA_TEST_LEVEL:-WARN}\nshutdown:\n  drainDelay: 7s\n");
        JsonNode config = open(Map.of(), file.toString());
        assertThat(config.at("/logging/level").asText()).isEqualTo("WARN");
        assertThat(config.at("/shutdown/drainDelay").asText()).isEqualTo("7s");
        // Untouched keys keep their defaults.
        assertThat(config.at("/logging/appenders/0/type").asText()).isEqualTo("console");
        assertThat(config.at("/server/applicationConnectors/0/port").asInt()).isEqualTo(18080);
    }

    @Test
    void aVariableWithoutValueOrDefaultIsNamed() throws IOException {
        Path file = dir.resolve("broken.yml");
        Files.writeString(file, "grpc:\n  port: ${NOVA_UNSET_PORT}\n");
        assertThatThrownBy(() -> open(Map.of(), file.toString()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("NOVA_UNSET_PORT")
                .hasMessageContaining("broken.yml");
    }

    @Test
    void aMissingFileIsReportedAsSuch() {
        assertThatThrownBy(() -> open(Map.of(), dir.resolve("nope.yml").toString()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("configuration file not found");
    }

    @Test
    void jsonLogFormatSwitchesTheAppenderLayout() throws IOException {
        JsonNode config = open(Map.of("LOG_FORMAT", "json"), "");
        assertThat(config.at("/logging/appenders/0/layout/type").asText()).isEqualTo("json");
        assertThat(config.at("/logging/appenders/0/layout/additionalFields/service").asText()).isEqualTo("kernel-test");
        assertThat(open(Map.of(), "").at("/logging/appenders/0/layout").isMissingNode()).isTrue();
    }

    @Test
    void anUnknownLogFormatIsRejected() {
        assertThatThrownBy(() -> open(Map.of("LOG_FORMAT", "xml"), ""))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("LOG_FORMAT must be text or json");
    }

    @Test
    void mergeReplacesListsAndKeepsUnsetKeys() throws IOException {
        JsonNode base = YAML.readTree("a: {b: 1, c: [1, 2]}\nd: x\n");
        JsonNode overlay = YAML.readTree("a: {c: [3]}\nd: ~\n");
        JsonNode merged = LayeredConfigurationSourceProvider.merge(base, overlay);
        assertThat(merged.at("/a/b").asInt()).isEqualTo(1);
        assertThat(merged.at("/a/c")).hasSize(1);
        assertThat(merged.at("/d").asText()).isEqualTo("x");
    }
}
