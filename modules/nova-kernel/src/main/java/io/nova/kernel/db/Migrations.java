package io.nova.kernel.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;

/**
 * The service's schema, migrated by Flyway: the kernel's tables ({@code db/nova-kernel}, versions 0.x: outbox,
 * processed events) then the service's own ({@code db/<service name>}, versions 1 and up). A directory per
 * service, because services can share a classpath — a test runs content-service beside the real user-service and
 * media-service — and each must find only its own migrations.
 *
 * <p>Out-of-order is allowed because the two ranges are released independently: a kernel migration added after a
 * service has shipped its V1 (say 0.3) sorts below what a running database already has, and Flyway would refuse
 * to start every deployed service instead of applying it. The kernel's migrations touch only its own tables, so
 * applying them after the service's is safe.
 */
public final class Migrations {

    static final String KERNEL = "classpath:db/nova-kernel";

    private final Flyway flyway;

    public Migrations(DataSource dataSource, String serviceName) {
        this.flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(KERNEL, "classpath:db/" + serviceName)
                .failOnMissingLocations(false)
                .outOfOrder(true)
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
