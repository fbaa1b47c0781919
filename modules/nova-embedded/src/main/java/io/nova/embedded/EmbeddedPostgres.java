package io.nova.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * A real PostgreSQL 18 server (the zonky binaries), running as a child process on one data directory.
 *
 * <p>The data directory is initialised on first use and reused afterwards, so a persistent platform keeps its
 * databases across restarts. A server that an earlier, killed JVM left running on the same directory is stopped
 * first ({@link ProcessReaper}); otherwise it would hold the directory and the new start would fail.
 * Authentication is {@code trust} on the loopback interface only: this is a developer and test server.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);

    public static final String USER = "postgres";
    /** Ignored by the server ({@code trust}); given so clients that insist on a password have one. */
    public static final String PASSWORD = "postgres";
    /** The database that always exists. */
    public static final String DEFAULT_DATABASE = "postgres";
    private static final String DUPLICATE_DATABASE = "42P04";

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private final Path dataDirectory;
    private final DirectoryLock lock;
    private boolean closed;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server, Path dataDirectory,
                             DirectoryLock lock) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.lock = lock;
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory} (created and initialised when missing) and {@code port}
     * ({@code 0}: a free one).
     *
     * @param durable false trades crash safety for speed (no fsync), which is what tests want
     */
    public static EmbeddedPostgres start(Path dataDirectory, int port, boolean durable) {
        QuietLogging.apply();
        Path directory = dataDirectory.toAbsolutePath().normalize();
        // The lock sits next to the data directory: initdb wants an empty one.
        Path lockFile = directory.resolveSibling(directory.getFileName() + ".lock");
        return ChildServerStart.run("PostgreSQL", directory, lockFile, directory.resolve("postmaster.pid"),
                PlatformDirectory.POSTGRES_PROGRAM, lock -> {
                    var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                            .setDataDirectory(directory)
                            // The directory is ours to keep or delete; zonky must not wipe a persistent one.
                            .setCleanDataDirectory(false)
                            // EmbeddedPlatform owns the JVM shutdown hook and closes servers in parallel.
                            .setRegisterShutdownHook(false)
                            .setPort(port == 0 ? PlatformPorts.freePort() : port)
                            .setServerConfig("listen_addresses", "127.0.0.1")
                            .setServerConfig("max_connections", "200");
                    if (!durable) {
                        builder.setServerConfig("fsync", "off")
                                .setServerConfig("synchronous_commit", "off")
                                .setServerConfig("full_page_writes", "off");
                    }
                    return new EmbeddedPostgres(builder.start(), directory, lock);
                });
    }

    public int port() {
        return server.getPort();
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The postmaster's pid, from the pid file PostgreSQL itself keeps in its data directory. */
    public Optional<Long> pid() {
        return ProcessReaper.readPid(dataDirectory.resolve("postmaster.pid"));
    }

    /**
     * The server's JDBC URL without a database, the form Nova's {@code DATABASE_URL} takes (each service appends
     * {@code /DATABASE_NAME}, see nova-defaults.yml).
     */
    public String serverUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port();
    }

    /** A JDBC URL for {@code database} on this server (without credentials: pass {@link #user()}). */
    public String jdbcUrl(String database) {
        return serverUrl() + "/" + database;
    }

    /** A JDBC URL for the {@code postgres} database. */
    public String jdbcUrl() {
        return jdbcUrl(DEFAULT_DATABASE);
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
    }

    /** Creates the empty database {@code name} (failing if it exists) and returns its JDBC URL. */
    public String createDatabase(String name) {
        return create(name, false);
    }

    /** Creates {@code name} unless it exists; for a persistent platform whose databases outlive a run. */
    public String ensureDatabase(String name) {
        return create(name, true);
    }

    private String create(String name, boolean existingIsFine) {
        ResourceNames.requireDatabase(name);
        try (Connection connection = connect(DEFAULT_DATABASE); Statement statement = connection.createStatement()) {
            // The name is checked against a strict pattern above; CREATE DATABASE takes no bind parameters.
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            if (!(existingIsFine && DUPLICATE_DATABASE.equals(e.getSQLState()))) {
                throw new IllegalStateException("could not create database " + name, e);
            }
        }
        return jdbcUrl(name);
    }

    /** Stops the server (fast shutdown) and makes sure the postmaster is gone. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Optional<Long> pid = pid();
        try {
            server.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("PostgreSQL did not stop cleanly: {}", e.toString());
        }
        // pg_ctl gives up after a few seconds; a postmaster that outlived it must not outlive us.
        pid.filter(ProcessReaper::isRunning)
                .ifPresent(ProcessReaper::stop);
        lock.close();
    }
}
