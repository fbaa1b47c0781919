package io.nova.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the platform promises across its lifetime: persistent data survives a restart; servers orphaned by a
 * JVM killed with SIGKILL are stopped by the next start; a program that forgets to close still exits and leaves
 * no server behind.
 */
class PlatformLifecycleTest {

    @TempDir
    Path temp;

    @Test
    void persistentPlatformKeepsItsDataAcrossARestart() throws Exception {
        Path data = temp.resolve("local");
        try (EmbeddedPlatform first = EmbeddedPlatform.start(data, PlatformPorts.ANY)) {
            System.out.printf("Persistent platform, first start (initdb, format): %s ms%n", first.startMillis());
            String url = first.postgres().createDatabase("restart_test");
            try (Connection c = first.postgres().connect("restart_test"); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE account (id int PRIMARY KEY, name text)");
                s.execute("INSERT INTO account VALUES (1, 'ada')");
            }
            try (Resp redis = new Resp("127.0.0.1", first.redis().port())) {
                assertThat(redis.call("SET", "session:1", "ada")).isEqualTo("OK");
            }
            first.kafka().createTopic("restart.events", 1);
            first.s3().createBucket("restart-media");
            assertThat(url).contains("/restart_test");
        }
        assertThat(Processes.serversIn(data)).isEmpty();
        assertThat(data).isDirectory();

        try (EmbeddedPlatform second = EmbeddedPlatform.start(data, PlatformPorts.ANY)) {
            System.out.printf("Persistent platform, restart: %s ms%n", second.startMillis());
            try (Connection c = second.postgres().connect("restart_test"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT name FROM account WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("ada");
            }
            try (Resp redis = new Resp("127.0.0.1", second.redis().port())) {
                assertThat(redis.call("GET", "session:1")).isEqualTo("ada");
            }
            assertThat(second.kafka().admin().listTopics().names().get(10, TimeUnit.SECONDS))
                    .contains("restart.events");
            assertThat(second.s3().bucketExists("restart-media")).isTrue();
            // The same directory cannot be opened twice while it runs.
            assertThatThrownBy(() -> EmbeddedPlatform.start(data, PlatformPorts.ANY))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("in use");
        }
        assertThat(Processes.serversIn(data)).isEmpty();
    }

    @Test
    void startStopsServersAKilledJvmLeftRunningInTheDirectory() throws Exception {
        Path data = temp.resolve("killed");
        ChildJvm child = ChildJvm.start(temp.resolve("child-killed.log"), "wait", data.toString())
                .awaitReady(Duration.ofSeconds(60));
        child.kill();
        // The children of the killed JVM live on: this is the situation the next start has to repair.
        assertThat(Processes.alive(child.postgresPid)).as("orphaned postmaster").isTrue();
        assertThat(Processes.alive(child.redisPid)).as("orphaned redis-server").isTrue();

        try (EmbeddedPlatform platform = EmbeddedPlatform.start(data, PlatformPorts.ANY)) {
            assertThat(Processes.alive(child.postgresPid)).isFalse();
            assertThat(Processes.alive(child.redisPid)).isFalse();
            assertThat(platform.postgres().pid()).isPresent().get().isNotEqualTo(child.postgresPid);
            // The database the killed JVM created is still there: the data directory survived the kill.
            try (Connection c = platform.postgres().connect("crash_test"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
        assertThat(Processes.serversIn(data)).isEmpty();
    }

    @Test
    void temporaryRunsOfKilledJvmsAreCleanedByTheNextStart() throws Exception {
        ChildJvm child = ChildJvm.start(temp.resolve("child-temporary.log"), "wait")
                .awaitReady(Duration.ofSeconds(60));
        child.kill();
        assertThat(Processes.serversIn(child.dataDirectory)).isNotEmpty();

        try (EmbeddedPlatform platform = EmbeddedPlatform.start()) {
            assertThat(platform.dataDirectory()).isNotEqualTo(child.dataDirectory);
            assertThat(Processes.alive(child.postgresPid)).isFalse();
            assertThat(Processes.alive(child.redisPid)).isFalse();
            assertThat(child.dataDirectory).doesNotExist();
        }
    }

    @Test
    void aProgramThatNeverClosesThePlatformStillExitsAndStopsItsServers() throws Exception {
        ChildJvm child = ChildJvm.start(temp.resolve("child-return.log"), "return")
                .awaitReady(Duration.ofSeconds(60));
        boolean exited = child.process.waitFor(30, TimeUnit.SECONDS);
        if (!exited) {
            child.kill();
        }
        assertThat(exited).as("the child JVM exited on its own").isTrue();
        assertThat(child.process.exitValue()).isZero();
        assertThat(Processes.alive(child.postgresPid)).isFalse();
        assertThat(Processes.alive(child.redisPid)).isFalse();
        assertThat(child.dataDirectory).doesNotExist();
    }
}
