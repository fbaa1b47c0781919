package io.nova.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.raft.DynamicVoters;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka 4.4 broker in this JVM: one KRaft node that is both broker and controller.
 *
 * <p>No test jars and no ZooKeeper: the log directory is formatted with Kafka's own {@link Formatter} (a random
 * cluster id and a dynamic single-voter quorum) the first time, and reused afterwards, so a persistent platform
 * keeps its topics. Every replication factor is 1 and the group rebalance delay 0, so a consumer gets its
 * partitions at once. The log cleaner's dedupe buffer is cut from 128 MiB to a few MiB of heap.
 * {@link KafkaSafety} keeps a broker fault from halting the JVM.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final long READY_TIMEOUT_SECONDS = 30;

    private final KafkaRaftServer server;
    private final Path logDirectory;
    private final int port;
    private final int controllerPort;
    private final Admin admin;
    private boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, Path logDirectory, int port, int controllerPort, Admin admin) {
        this.server = server;
        this.logDirectory = logDirectory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.admin = admin;
    }

    /**
     * Starts the broker on {@code logDirectory} (formatted when new), with clients on {@code port} and the
     * controller on {@code controllerPort} ({@code 0}: free ones). A persistent directory must be restarted with
     * the same controller port: the quorum records it.
     */
    public static EmbeddedKafka start(Path logDirectory, int port, int controllerPort) {
        KafkaSafety.install();
        Path dir = logDirectory.toAbsolutePath().normalize();
        int brokerPort = port == 0 ? PlatformPorts.freePort() : port;
        int quorumPort = controllerPort == 0 ? PlatformPorts.freePort() : controllerPort;
        KafkaRaftServer server = null;
        Admin admin = null;
        try {
            Files.createDirectories(dir);
            if (!Files.exists(dir.resolve("meta.properties"))) {
                format(dir, quorumPort);
            }
            KafkaConfig config = new KafkaConfig(properties(dir, brokerPort, quorumPort), false);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + brokerPort,
                    AdminClientConfig.CLIENT_ID_CONFIG, "nova-embedded-admin"));
            EmbeddedKafka kafka = new EmbeddedKafka(server, dir, brokerPort, quorumPort, admin);
            kafka.awaitReady();
            return kafka;
        } catch (Exception e) {
            // A half-started broker's threads are not daemons: left running they would keep the JVM alive.
            if (admin != null) {
                admin.close(java.time.Duration.ZERO);
            }
            if (server != null) {
                try {
                    server.shutdown();
                    server.awaitShutdown();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new IllegalStateException("Kafka did not start in " + dir, e);
        }
    }

    private static void format(Path dir, int controllerPort) throws Exception {
        Uuid directoryId = Uuid.randomUuid();
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(dir.toString()))
                .setMetadataLogDirectory(dir.toString())
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setHasDynamicQuorum(true)
                .setInitialControllers(DynamicVoters.parse(
                        NODE_ID + "@127.0.0.1:" + controllerPort + ":" + directoryId))
                .run();
    }

    private static Map<String, Object> properties(Path dir, int brokerPort, int controllerPort) {
        Map<String, Object> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER_LISTENER + "://127.0.0.1:"
                + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("log.dirs", dir.toString());
        p.put("metadata.log.dir", dir.toString());
        // One broker: every internal topic must make do with one replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "true");
        // A consumer group gets its partitions immediately instead of after 3 s.
        p.put("group.initial.rebalance.delay.ms", "0");
        // The default takes 128 MiB of heap for compacting topics nobody here compacts at scale.
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(4 * 1024 * 1024));
        // After a JVM was killed, the controller refuses the restarted broker until the old registration's
        // session expires (9 s by default): one node that is its own controller needs no long grace.
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("broker.session.timeout.ms", "2500");
        // A laptop and a 2-core CI box: fewer threads, less memory.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("background.threads", "2");
        p.put("log.cleaner.threads", "1");
        return p;
    }

    private void awaitReady() throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        admin.describeCluster().nodes().get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** {@code 127.0.0.1:port}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The controller's port: a restart on the same log directory must use it again. */
    public int controllerPort() {
        return controllerPort;
    }

    public Path logDirectory() {
        return logDirectory;
    }

    /** Creates {@code name} with {@code partitions} partitions unless it exists. */
    public void createTopic(String name, int partitions) {
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all()
                    .get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topic " + name, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating topic " + name, e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("timed out creating topic " + name, e);
        }
    }

    /** An admin client on this broker, shared; do not close it. */
    public Admin admin() {
        return admin;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            admin.close(java.time.Duration.ofSeconds(2));
        } catch (RuntimeException e) {
            LOG.debug("admin client did not close cleanly", e);
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Kafka did not stop cleanly: {}", e.toString());
        }
    }
}
