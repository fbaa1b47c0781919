package io.nova.kernel.db;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's PostgreSQL database: one pool (metrics, a {@code postgresql} health check that readiness runs),
 * migrated by Flyway before the service accepts requests, and a Jdbi for the service's SQL objects.
 */
public final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    public static final String HEALTH_CHECK = "postgresql";

    private Database() {
    }

    public static Jdbi open(Environment environment, DataSourceFactory config, boolean migrate, String serviceName) {
        ManagedDataSource dataSource = config.build(environment.metrics(), HEALTH_CHECK);
        if (migrate) {
            var result = new Migrations(dataSource, serviceName).migrate();
            LOG.info("Database {}: {} migration(s) applied, schema version {}", config.getUrl(),
                    result.migrationsExecuted, result.targetSchemaVersion);
        }
        Jdbi jdbi = new JdbiFactory().build(environment, config, dataSource, HEALTH_CHECK);
        // Nova's SQL is plain SQL with :named parameters, never Jdbi's <attribute> templates: skipping the template
        // pass saves CPU on every statement, and a "<" in a keyset comparison can never be mistaken for one.
        jdbi.getConfig(SqlStatements.class).setTemplateEngine(TemplateEngine.NOP);
        return jdbi;
    }
}
