package io.nova.bench.load;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The knobs of a run, as system properties (so Gatling's own launcher and `./nova bench` both pass them the same
 * way). Defaults are the documented DeathStarBench-shaped run against `./nova local`.
 */
public record BenchSettings(URI baseUrl, Path stateDirectory, Path outputDirectory, long seed, int postsPerUser,
                            double imageShare, int warmupRate, int warmupSeconds, List<Integer> rates,
                            int levelSeconds) {

    public static BenchSettings fromSystemProperties() {
        String url = System.getProperty("nova.url", "http://127.0.0.1:8080");
        if (!url.matches("https?://[^/\\s]+/?")) {
            throw new IllegalArgumentException("nova.url must be an http(s) base URL without a path, not " + url);
        }
        URI base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        List<Integer> rates = Arrays.stream(System.getProperty("nova.rates", "100,200,300,400,500,600,800,1000,1300")
                .split(",")).map(String::trim).map(Integer::valueOf).toList();
        if (rates.isEmpty() || rates.stream().anyMatch(rate -> rate <= 0)) {
            throw new IllegalArgumentException("nova.rates must list positive requests per second");
        }
        BenchSettings settings = new BenchSettings(base,
                Path.of(System.getProperty("nova.state", "target/bench-state")),
                Path.of(System.getProperty("nova.out", "target/bench-out")),
                Long.getLong("nova.seed", 962),
                Integer.getInteger("nova.postsPerUser", 10),
                Double.parseDouble(System.getProperty("nova.imageShare", "0.1")),
                Integer.getInteger("nova.warmupRate", 100),
                Integer.getInteger("nova.warmupSeconds", 60),
                rates,
                Integer.getInteger("nova.levelSeconds", 30));
        // Access tokens live 15 minutes and are fetched once, before the load.
        if (settings.totalSeconds() > 14 * 60) {
            throw new IllegalArgumentException("a run must stay under 14 minutes (access tokens live 15); this one "
                    + "lasts " + settings.totalSeconds() + " s: fewer rates or shorter levels");
        }
        return settings;
    }

    public int totalSeconds() {
        return warmupSeconds + rates.size() * levelSeconds;
    }

    /** The level a virtual user started {@code elapsedSeconds} into the load belongs to; -1 in the warm-up. */
    public int levelAt(double elapsedSeconds) {
        if (elapsedSeconds < warmupSeconds) {
            return -1;
        }
        return (int) Math.min(rates.size() - 1, (elapsedSeconds - warmupSeconds) / levelSeconds);
    }

    public static String levelName(int rate) {
        return "level " + rate + " rps";
    }
}
