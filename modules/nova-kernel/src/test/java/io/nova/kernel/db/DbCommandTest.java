package io.nova.kernel.db;

import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import io.nova.kernel.KernelTestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** `db migrate` and `db info` as an operator runs them, against a real database, without starting the service. */
@ExtendWith(NovaPlatformExtension.class)
class DbCommandTest {

    private static final Map<String, String> OVERRIDES = Map.of(
            "dw.database.url", "", "dw.database.user", "", "dw.database.password", "");

    @AfterEach
    void clear() {
        OVERRIDES.keySet().forEach(System::clearProperty);
    }

    @Test
    void migrateThenInfo(TestPlatform platform) throws Exception {
        // Dropwizard reads `dw.*` system properties as overrides, as it would environment-provided settings.
        System.setProperty("dw.database.url", platform.jdbcUrl());
        System.setProperty("dw.database.user", platform.dbUser());
        System.setProperty("dw.database.password", platform.dbPassword());

        String migrate = run("db", "migrate");
        assertThat(migrate).contains("Applied 4 migration(s)");
        try (Connection connection = platform.connect();
             ResultSet tables = connection.getMetaData().getTables(null, "public", "nova_%", new String[] {"TABLE"})) {
            int count = 0;
            while (tables.next()) {
                count++;
            }
            assertThat(count).isEqualTo(2);
        }
        assertThat(run("db", "migrate")).contains("Applied 0 migration(s)");
        assertThat(run("db", "info")).contains("outbox").contains("processed events").contains("outbox notify")
                .contains("SUCCESS");
    }

    private static String run(String... arguments) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            new KernelTestApplication().run(arguments);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
