package io.nova.kernel.db;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import io.nova.kernel.config.CheckCommand;
import io.nova.kernel.config.NovaConfiguration;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** {@code db migrate} and {@code db info}: the schema without starting the service (e.g. from a Kubernetes Job). */
public final class DbCommand<C extends NovaConfiguration> extends ConfiguredCommand<C> {

    private final Class<C> configurationClass;

    public DbCommand(Class<C> configurationClass) {
        super("db", "Migrates the service's database (db migrate) or lists its migrations (db info)");
        this.configurationClass = configurationClass;
    }

    @Override
    protected Class<C> getConfigurationClass() {
        return configurationClass;
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("migrate", "info").help("migrate | info");
        super.configure(subparser);
    }

    /** A one-shot command: its log lines are written before the JVM exits (see {@link CheckCommand}). */
    @Override
    protected void cleanup() {
        super.cleanup();
        CheckCommand.stopLogging();
    }

    @Override
    protected void run(Bootstrap<C> bootstrap, Namespace namespace, C configuration) throws Exception {
        ManagedDataSource dataSource = configuration.getDatabase().build(new MetricRegistry(), "db-command");
        try {
            Migrations migrations = new Migrations(dataSource, bootstrap.getApplication().getName());
            if ("migrate".equals(namespace.getString("action"))) {
                var result = migrations.migrate();
                System.out.printf("Applied %d migration(s); schema version %s%n",
                        result.migrationsExecuted, result.targetSchemaVersion);
            } else {
                System.out.print(migrations.describe());
            }
        } finally {
            dataSource.stop();
        }
    }
}
