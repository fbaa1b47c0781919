package io.nova.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Which level of the run it is now, and what each level cost in CPU: a snapshot of every process's CPU time at
 * the start, at each level's edge and at the end, written to {@code cpu.json} in the output directory for
 * {@link LoadBench}'s summary.
 */
final class LevelClock {

    private final BenchSettings settings;
    private final List<CpuSnapshot> edges = new ArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-cpu-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long startNanos;

    LevelClock(BenchSettings settings) {
        this.settings = settings;
    }

    void start() {
        startNanos = System.nanoTime();
        sample();
        long edge = settings.warmupSeconds();
        for (int level = 0; level < settings.rates().size(); level++, edge += settings.levelSeconds()) {
            sampler.schedule(this::sample, edge * 1000, TimeUnit.MILLISECONDS);
        }
    }

    String levelNameNow() {
        int level = settings.levelAt((System.nanoTime() - startNanos) / 1e9);
        return level < 0 ? "warm-up" : BenchSettings.levelName(settings.rates().get(level));
    }

    /** The end of the load: the last edge, then cpu.json. */
    void finish() {
        sampler.shutdownNow();
        sample();
        List<CpuSnapshot> snapshots;
        synchronized (edges) {
            snapshots = List.copyOf(edges);
        }
        // Level i runs from edge i+1 to edge i+2 (edge 0 is the warm-up's start); the last ends at finish().
        Map<String, Object> levels = new LinkedHashMap<>();
        for (int level = 0; level < settings.rates().size() && level + 2 < snapshots.size(); level++) {
            CpuSnapshot from = snapshots.get(level + 1);
            CpuSnapshot to = snapshots.get(level + 2);
            levels.put(BenchSettings.levelName(settings.rates().get(level)),
                    Map.of("wall_seconds", to.wallSecondsSince(from), "cpu_seconds", to.secondsSince(from)));
        }
        try {
            Files.createDirectories(settings.outputDirectory());
            NovaClient.JSON.writerWithDefaultPrettyPrinter()
                    .writeValue(settings.outputDirectory().resolve("cpu.json").toFile(), levels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void sample() {
        CpuSnapshot snapshot = CpuSnapshot.take();
        synchronized (edges) {
            edges.add(snapshot);
        }
    }
}
