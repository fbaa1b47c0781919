package io.nova.bench.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The mix run in two tables: per level, throughput and latency (all requests, then per request type) and the
 * highest level that met the target; per level and process, the CPU used — as cores busy and as CPU milliseconds
 * per request, which is where the time goes.
 */
final class MixSummary {

    static final double TARGET_P99_MS = 10;
    private static final List<String> TYPES = List.of("home feed", "user timeline", "compose post");

    private final BenchSettings settings;

    MixSummary(BenchSettings settings) {
        this.settings = settings;
    }

    /** From the Gatling report in {@code report} and the {@code cpu.json} the run left beside it. */
    String write(Path report) throws IOException {
        Path cpuFile = report.resolve("cpu.json");
        ReportStats all = ReportStats.read(report);
        JsonNode cpu = Files.exists(cpuFile) ? NovaClient.JSON.readTree(cpuFile.toFile()) : NovaClient.JSON.createObjectNode();
        StringBuilder out = new StringBuilder();
        out.append("## social-network mix against ").append(settings.baseUrl()).append("\n\n");
        out.append("Open-loop; each level ").append(settings.levelSeconds()).append(" s after a ")
                .append(settings.warmupSeconds()).append(" s warm-up at ").append(settings.warmupRate())
                .append(" req/s. Latency in ms over every answer (errors included); per request type p50 / p99 / p99.9 ")
                .append("in the last columns.\n\n");
        out.append("| offered req/s | answered req/s | errors | p50 | p95 | p99 | p99.9 | max |");
        TYPES.forEach(type -> out.append(' ').append(type).append(" |"));
        out.append("\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        Integer best = null;
        for (int rate : settings.rates()) {
            ReportStats level = all.child(BenchSettings.levelName(rate));
            if (level == null) {
                continue;
            }
            out.append(String.format("| %d | %.0f | %d | %s | %s | %s | %s | %s |", rate,
                    level.count() / (double) settings.levelSeconds(), level.ko(), ReportStats.ms(level.p50()),
                    ReportStats.ms(level.p95()), ReportStats.ms(level.p99()), ReportStats.ms(level.p999()),
                    ReportStats.ms(level.max())));
            for (String type : TYPES) {
                ReportStats request = level.child(type);
                out.append(' ').append(request == null ? "–" : ReportStats.ms(request.p50()) + " / "
                        + ReportStats.ms(request.p99()) + " / " + ReportStats.ms(request.p999())).append(" |");
            }
            out.append('\n');
            if (level.ko() == 0 && level.p99() <= TARGET_P99_MS && (best == null || rate > best)) {
                best = rate;
            }
        }
        out.append('\n').append(best == null
                ? "No level met p99 ≤ 10 ms without errors.\n"
                : "Highest level with p99 ≤ 10 ms and no errors: **" + best + " req/s**.\n");
        appendCpu(out, all, cpu);
        return out.toString();
    }

    private void appendCpu(StringBuilder out, ReportStats all, JsonNode cpu) {
        if (cpu.isEmpty()) {
            return;
        }
        TreeSet<String> parts = new TreeSet<>();
        cpu.forEach(level -> level.path("cpu_seconds").fieldNames().forEachRemaining(parts::add));
        out.append("\nCPU per level: cores busy (CPU seconds / wall seconds) · CPU ms per answered request.\n\n| part |");
        cpu.fieldNames().forEachRemaining(level -> out.append(' ').append(level.replace("level ", "")).append(" |"));
        out.append('\n').append("|---".repeat(cpu.size() + 1)).append("|\n");
        for (String part : parts) {
            out.append("| ").append(part).append(" |");
            for (Map.Entry<String, JsonNode> level : (Iterable<Map.Entry<String, JsonNode>>) cpu::fields) {
                double seconds = level.getValue().path("cpu_seconds").path(part).asDouble();
                double wall = level.getValue().path("wall_seconds").asDouble();
                ReportStats stats = all.child(level.getKey());
                long requests = stats == null ? 0 : stats.count();
                out.append(String.format(" %.2f · %s |", seconds / wall,
                        requests == 0 ? "–" : String.format("%.2f", seconds * 1000 / requests)));
            }
            out.append('\n');
        }
    }
}
