package io.nova.bench.floor;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.lifecycle.Managed;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.jdbi.v3.core.Jdbi;
import org.redisson.api.RedissonClient;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The messaging delivery chain reduced to its I/O, for bench/floor/run-messaging.sh: {@code POST
 * /api/v1/conversations/{id}/messages} queues the message for one writer thread that commits every waiting message
 * in one transaction (seqs, rows, outbox rows; a trigger notifies the relay); the relay, woken by that notification,
 * takes the outbox rows, appends each to its recipients' Redis streams (the replay logs) and, once Redis has them,
 * writes them to the recipients' sockets on {@code /ws}. Durable at every step as the messaging issue asks; nothing
 * else: no token check (the bearer is the user id), no Idempotency-Key, no block rules, membership from memory, one
 * replica (no wake-ups between replicas), no Kafka, no metrics.
 */
public final class ChatFloor extends Application<ChatFloor.Settings> {

    /** chat-floor.yml: Dropwizard's server section plus the database and Redis. */
    public static final class Settings extends Configuration {
        @JsonProperty
        public String postgres = "jdbc:postgresql://127.0.0.1:15432/";
        @JsonProperty
        public String database = "nova_floor";
        @JsonProperty
        public String redis = "redis://127.0.0.1:16379";
    }

    private static final List<String> SCHEMA = List.of("""
            CREATE TABLE IF NOT EXISTS floor_conversations (
              id uuid PRIMARY KEY, member_a uuid NOT NULL, member_b uuid NOT NULL, last_seq bigint NOT NULL DEFAULT 0)""",
            """
            CREATE TABLE IF NOT EXISTS floor_messages (
              conversation_id uuid NOT NULL, seq bigint NOT NULL, id uuid NOT NULL UNIQUE, sender_id uuid NOT NULL,
              text text NOT NULL, created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
              PRIMARY KEY (conversation_id, seq))""",
            """
            CREATE TABLE IF NOT EXISTS floor_outbox (
              id bigserial PRIMARY KEY, recipients text NOT NULL, payload text NOT NULL)""",
            """
            CREATE OR REPLACE FUNCTION floor_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS
              $$ BEGIN PERFORM pg_notify('floor_outbox', ''); RETURN NULL; END $$""",
            "DROP TRIGGER IF EXISTS floor_outbox_notify ON floor_outbox",
            """
            CREATE TRIGGER floor_outbox_notify AFTER INSERT ON floor_outbox
              FOR EACH STATEMENT EXECUTE FUNCTION floor_outbox_notify()""");

    @Override
    public void run(Settings settings, Environment environment) throws Exception {
        createDatabase(settings);
        String url = settings.postgres + settings.database;
        DataSourceFactory database = new DataSourceFactory();
        database.setDriverClass("org.postgresql.Driver");
        database.setUrl(url);
        database.setUser("postgres");
        ManagedDataSource pool = database.build(environment.metrics(), "floor");
        pool.start();
        Jdbi jdbi = Jdbi.create(pool);
        jdbi.useHandle(handle -> SCHEMA.forEach(handle::execute));

        RedissonClient redis = FloorBack.redis(settings.redis);
        ChatSockets sockets = new ChatSockets();
        ChatWriter writer = new ChatWriter(jdbi);
        ChatRelay relay = new ChatRelay(jdbi, url, redis, sockets);
        manage(environment, writer::start, writer::stop);
        manage(environment, relay::start, relay::stop);
        environment.jersey().register(new ChatResource(jdbi, writer));
        JakartaWebSocketServletContainerInitializer.configure(environment.getApplicationContext(), null);
        environment.servlets().addServlet("floor-socket", sockets.servlet()).addMapping("/ws");
    }

    private static void createDatabase(Settings settings) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.postgres + "postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            if (!statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + settings.database + "'")
                    .next()) {
                statement.execute("CREATE DATABASE " + settings.database);
            }
        }
    }

    private static void manage(Environment environment, Runnable start, Runnable stop) {
        environment.lifecycle().manage(new Managed() {
            @Override
            public void start() {
                start.run();
            }

            @Override
            public void stop() {
                stop.run();
            }
        });
    }
}
