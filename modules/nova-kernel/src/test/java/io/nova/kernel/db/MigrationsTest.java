package io.nova.kernel.db;

import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import io.nova.kernel.PlatformDatabase;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database deployed before a kernel migration existed: the service's V1 is applied, the kernel ships a new 0.x.
 * Upgrading must apply it, not refuse to start (issue found when 0.3, the outbox trigger, met a local database).
 */
@ExtendWith(NovaPlatformExtension.class)
class MigrationsTest {

    private static final String SERVICE = "migrations-upgrade-test";

    @Test
    void aKernelMigrationReleasedAfterTheServicesOwnIsAppliedOnUpgrade(TestPlatform platform) throws Exception {
        PGSimpleDataSource dataSource = PlatformDatabase.dataSource(platform);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA upgrade_test");
        }
        dataSource.setCurrentSchema("upgrade_test");

        // Yesterday's release: the kernel's 0.1 and 0.2, then the service's V1.
        Flyway.configure().dataSource(dataSource).locations(Migrations.KERNEL).target("0.2").load().migrate();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/" + SERVICE)
                .ignoreMigrationPatterns("*:missing").load().migrate();

        new Migrations(dataSource, SERVICE).migrate();

        List<MigrationInfo> applied = Arrays.asList(Flyway.configure().dataSource(dataSource)
                .locations(Migrations.KERNEL, "classpath:db/" + SERVICE).load().info().applied());
        assertThat(applied).extracting(info -> info.getVersion().getVersion()).contains("0.3", "1");
        assertThat(applied).allSatisfy(info -> assertThat(info.getState().isFailed()).isFalse());
        assertThat(applied).filteredOn(info -> info.getVersion().getVersion().equals("0.3"))
                .extracting(MigrationInfo::getState).containsExactly(MigrationState.OUT_OF_ORDER);
    }
}
