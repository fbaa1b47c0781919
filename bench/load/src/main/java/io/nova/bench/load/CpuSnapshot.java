package io.nova.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * CPU time used so far by each part of a local Nova, read from /proc: the services (by jar), the gateway (the
 * launcher's threads named {@code gateway-*}), Kafka (the launcher's Kafka threads), the rest of the launcher JVM
 * (S3Proxy, GC, JIT), PostgreSQL
 * (every {@code postgres} process), Redis, ClickHouse, the load generator itself, and the whole machine. The
 * difference of two snapshots is what a stretch of load cost. Against a remote Nova only the generator and the
 * machine are local, and only they are reported.
 *
 * <p>Known blind spot: a gateway or Kafka thread that ends between two snapshots is counted under the rest of the
 * launcher, since a dead thread's time only survives in its process's total (the gateway's pool lets a thread go
 * after a minute idle).
 */
public final class CpuSnapshot {

    public static final String MACHINE = "machine (all processes)";
    public static final String GENERATOR = "load generator (Gatling)";
    private static final List<String> SERVICES =
            List.of("user-service", "content-service", "media-service", "messaging-service");
    private static final Path PROC = Path.of("/proc");

    private static final String GATEWAY = "gateway (nova local)";
    private static final String KAFKA = "Kafka (in the nova local JVM)";
    private static final String LAUNCHER = "S3 and the rest of the nova local JVM";
    /**
     * Kafka's broker and controller threads as /proc shows them (names cut at 15 characters): request handlers and
     * network threads ("data-plane-kafk…"), schedulers, purgatories ("ExpirationReape…"), the KRaft controller and
     * Raft threads, coordinators, log cleaner, replica fetchers. A rule by name, so approximate; the rest of the
     * launcher JVM is S3Proxy's Jetty, the launcher's own threads and the JVM's (GC, JIT).
     */
    private static final Pattern KAFKA_THREAD = Pattern.compile("(?i).*(kafka|data-plane|ExpirationReap|quorum|raft"
            + "|controller|coordinat|LogDirFailure|log-clean|TxnMarker|transaction|ReplicaFetch|broker|metadata"
            + "|share-|persister).*");

    private final long takenNanos;
    private final Map<String, Long> ticks;
    /** The launcher's gateway and Kafka threads by part and thread id: a thread's own difference is what it used. */
    private final Map<String, Long> launcherThreads;

    private CpuSnapshot(long takenNanos, Map<String, Long> ticks, Map<String, Long> launcherThreads) {
        this.takenNanos = takenNanos;
        this.ticks = ticks;
        this.launcherThreads = launcherThreads;
    }

    public static CpuSnapshot take() {
        Map<String, Long> ticks = new TreeMap<>();
        Map<String, Long> gatewayThreads = new TreeMap<>();
        long self = ProcessHandle.current().pid();
        if (Files.isDirectory(PROC)) {
            try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
                for (Path process : processes) {
                    account(process, self, ticks, gatewayThreads);
                }
            } catch (IOException e) {
                // /proc unreadable: only the machine line below, if that.
            }
            ticks.put(MACHINE, machineBusyTicks());
        }
        return new CpuSnapshot(System.nanoTime(), ticks, gatewayThreads);
    }

    private static void account(Path process, long self, Map<String, Long> ticks, Map<String, Long> gatewayThreads) {
        try {
            long pid = Long.parseLong(process.getFileName().toString());
            String[] stat = stat(process.resolve("stat"));
            String comm = stat[0];
            // Its own time, plus its children's once they ended and were waited for (PostgreSQL's backends,
            // Redis's snapshot forks, media-service's ffmpeg): a child's time moves to its parent as it exits,
            // so the sum over a part stays whole while children come and go.
            long total = Long.parseLong(stat[12]) + Long.parseLong(stat[13]) + Long.parseLong(stat[14])
                    + Long.parseLong(stat[15]);
            String cmdline = Files.readString(process.resolve("cmdline"), StandardCharsets.UTF_8).replace('\0', ' ');
            if (pid == self) {
                ticks.merge(GENERATOR, total, Long::sum);
            } else if (cmdline.contains("nova-local.jar")) {
                ticks.merge(LAUNCHER, total, Long::sum);  // the gateway's and Kafka's shares come out in secondsSince
                launcherThreads(process, pid, gatewayThreads);
            } else if (comm.equals("postgres")) {
                ticks.merge("PostgreSQL", total, Long::sum);
            } else if (comm.startsWith("redis-")) {  // the server and its snapshot child (redis-rdb-bgsave)
                ticks.merge("Redis", total, Long::sum);
            } else if (comm.equals("ffmpeg")) {
                ticks.merge("media-service", total, Long::sum);
            } else if (comm.startsWith("clickhouse")) {
                ticks.merge("ClickHouse", total, Long::sum);
            } else {
                for (String service : SERVICES) {
                    if (cmdline.contains(service + ".jar")) {
                        ticks.merge(service, total, Long::sum);
                    }
                }
            }
        } catch (IOException | RuntimeException gone) {
            // The process ended while we read it.
        }
    }

    private static void launcherThreads(Path process, long pid, Map<String, Long> launcherThreads) throws IOException {
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(process.resolve("task"))) {
            for (Path thread : threads) {
                try {
                    String[] stat = stat(thread.resolve("stat"));
                    String part = stat[0].startsWith("gateway") ? GATEWAY
                            : KAFKA_THREAD.matcher(stat[0]).matches() ? KAFKA : null;
                    if (part != null) {
                        launcherThreads.put(part + "\0" + pid + "/" + thread.getFileName(),
                                Long.parseLong(stat[12]) + Long.parseLong(stat[13]));
                    }
                } catch (IOException | RuntimeException gone) {
                    // The thread ended while we read it.
                }
            }
        }
    }

    /**
     * The fields of a stat file: [0] is the command name, [1] the state, [12] utime, [13] stime, [14] cutime,
     * [15] cstime (man 5 proc).
     */
    private static String[] stat(Path file) throws IOException {
        String line = Files.readString(file, StandardCharsets.UTF_8);
        String comm = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
        String[] rest = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        String[] fields = new String[rest.length + 1];
        fields[0] = comm;
        System.arraycopy(rest, 0, fields, 1, rest.length);
        return fields;
    }

    /** user + nice + system + irq + softirq + steal of the "cpu" line of /proc/stat. */
    private static long machineBusyTicks() {
        try {
            String[] cpu = Files.readAllLines(PROC.resolve("stat")).get(0).trim().split("\\s+");
            return Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3])
                    + Long.parseLong(cpu[6]) + Long.parseLong(cpu[7]) + Long.parseLong(cpu[8]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU seconds each part used between {@code earlier} and this snapshot (clock ticks of 1/100 s). */
    public Map<String, Double> secondsSince(CpuSnapshot earlier) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        ticks.forEach((part, now) -> seconds.put(part, (now - earlier.ticks.getOrDefault(part, 0L)) / 100.0));
        if (seconds.containsKey(LAUNCHER)) {
            // Threads alive now: what each used since the earlier snapshot (all of it if it is new). A thread that
            // ended in between is missed here and stays in the launcher's share, so nothing goes negative.
            Map<String, Long> parts = new TreeMap<>(Map.of(GATEWAY, 0L, KAFKA, 0L));
            for (Map.Entry<String, Long> thread : launcherThreads.entrySet()) {
                String part = thread.getKey().substring(0, thread.getKey().indexOf('\0'));
                parts.merge(part, thread.getValue() - earlier.launcherThreads.getOrDefault(thread.getKey(), 0L),
                        Long::sum);
            }
            parts.forEach((part, used) -> {
                seconds.put(part, used / 100.0);
                seconds.put(LAUNCHER, seconds.get(LAUNCHER) - used / 100.0);
            });
        }
        return seconds;
    }

    public double wallSecondsSince(CpuSnapshot earlier) {
        return (takenNanos - earlier.takenNanos) / 1e9;
    }
}
