package io.nova.local.drill;

import io.nova.local.LocalOptions;
import io.nova.local.LocalPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fault drill, as {@code ./nova drill} runs it, on the whole local platform (four service jars, the gateway,
 * real PostgreSQL, Redis, Kafka): the fault is done to the real server while the load runs, and the drill passes
 * only when nothing acknowledged was lost or doubled and no answer was a 5xx other than a 503 with Retry-After.
 * Shorter lead and tail than the command's; the outages are the ones the drills are about (Kafka 30 s, Redis 5 s).
 * messaging-service runs two replicas behind the gateway, as in the cluster, for the replica drill.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultDrillsTest {

    @TempDir
    static Path data;

    private static LocalPlatform platform;
    private static DrillRun run;
    private static final List<DrillResult> RESULTS = new ArrayList<>();

    @BeforeAll
    static void start() {
        platform = LocalPlatform.start(LocalOptions.forTests(root(), data).withReplicas(Fault.REPLICATED, 2),
                s -> { });
        DrillRun.Settings settings = new DrillRun.Settings(20, 24, Duration.ofSeconds(3), Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofSeconds(90));
        run = new DrillRun(platform, URI.create("http://127.0.0.1:" + platform.gateway().port()),
                settings, System.out::println);
    }

    @AfterAll
    static void stop() {
        System.out.println(DrillCommand.report(RESULTS));
        if (run != null) {
            run.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    private static Path root() {
        return Path.of(System.getProperty("nova.root", "../..")).toAbsolutePath().normalize();
    }

    private static void drill(Fault fault) {
        DrillResult result = run.run(fault);
        RESULTS.add(result);
        System.out.println(result.explain());
        assertThat(result.passed()).as(result.tableRow() + "\n" + result.explain()).isTrue();
        assertThat(result.acknowledged()).as("writes acknowledged during " + fault.command()).isPositive();
    }

    @Test
    @Order(1)
    void redisFlushed() {
        drill(Fault.REDIS_FLUSH);
    }

    @Test
    @Order(2)
    void redisStalledFiveSeconds() {
        drill(Fault.REDIS_PAUSE);
    }

    @Test
    @Order(3)
    void redisRestarted() {
        drill(Fault.REDIS_RESTART);
    }

    @Test
    @Order(4)
    void postgresRestarted() {
        drill(Fault.POSTGRES_RESTART);
    }

    @Test
    @Order(5)
    void kafkaStoppedThirtySeconds() {
        drill(Fault.KAFKA_STOP);
    }

    @Test
    @Order(6)
    void aReplicaKilled() {
        drill(Fault.REPLICA_KILL);
    }
}
