package io.nova.kernel.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;

/**
 * The service's schema, migrated by Flyway: the kernel's tables ({@code db/nova-kernel}, versions 0.x: outbox,
 * processed events) then the service's own ({@code db/migration}, versions 1 and up).
 */
public final class Migrations {

    static final String KERNEL = "classpath:db/nova-kernel";
    static final String SERVICE = "classpath:db/migration";

    private final Flyway flyway;

    public Migrations(DataSource dataSource) {
        this.flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(KERNEL, SERVICE)
                .failOnMissingLocations(false)
                .load();
    }

    public MigrateResult migrate() {
        return flyway.migrate();
    }

    public String describe() {
        StringBuilder out = new StringBuilder();
        for (var migration : flyway.info().all()) {
            out.append(String.format("%-8s %-40s %s%n", migration.getVersion(), migration.getDescription(),
                    migration.getState()));
        }
        return out.toString();
    }
}
