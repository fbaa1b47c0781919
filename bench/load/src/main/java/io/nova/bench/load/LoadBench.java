package io.nova.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code ./nova bench <scenario>}: runs one Gatling simulation in this JVM (Gatling's own launcher, so its HTML
 * report is written as usual), then condenses the report and the CPU samples into {@code summary.md} beside it.
 */
public final class LoadBench {

    private LoadBench() {
    }

    public static void main(String[] args) throws Exception {
        String scenario = args.length == 0 ? "" : args[0];
        if (scenario.equals("summarize") && args.length == 2) {
            // A report's summary again, e.g. after a change to the summary (the mix's cpu.json is in the report).
            Path report = Path.of(args[1]);
            System.out.println(Files.exists(report.resolve("cpu.json"))
                    ? new MixSummary(BenchSettings.fromSystemProperties()).write(report) : RealtimeSummary.write(report));
            return;
        }
        Class<?> simulation = switch (scenario) {
            case "mix" -> MixSimulation.class;
            case "realtime" -> RealtimeSimulation.class;
            default -> {
                System.err.println("usage: LoadBench mix|realtime|summarize <report directory>   (settings: -Dnova.url= "
                        + "-Dnova.rates= …, see bench/README.md)");
                System.exit(64);
                yield null;
            }
        };
        // realtime's "send to receive" group waits for a frame between requests: its time is its wall time. A mix
        // level's group holds one request: its time is that request's response time (Gatling's default), so the
        // level's percentiles are those of its requests.
        System.setProperty("gatling.charting.useGroupDurationMetric", String.valueOf(scenario.equals("realtime")));
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Path results = settings.outputDirectory().resolve("gatling");
        Files.createDirectories(results);
        int status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
                "--simulation", simulation.getName(),
                "--results-folder", results.toAbsolutePath().toString(),
                "--run-description", scenario + " against " + settings.baseUrl()});
        Path report = newest(results);
        if (report != null) {
            Path cpu = settings.outputDirectory().resolve("cpu.json");
            if (scenario.equals("mix") && Files.exists(cpu)) {
                Files.move(cpu, report.resolve("cpu.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            String summary = scenario.equals("mix") ? new MixSummary(settings).write(report)
                    : RealtimeSummary.write(report);
            Files.writeString(report.resolve("summary.md"), summary);
            System.out.println(summary);
            System.out.println("bench: report " + report.resolve("index.html") + ", summary " + report.resolve("summary.md"));
        }
        System.exit(status);
    }

    private static Path newest(Path results) throws IOException {
        try (Stream<Path> runs = Files.list(results)) {
            return runs.filter(run -> Files.exists(run.resolve("index.html")))
                    .max(Comparator.comparing(run -> run.toFile().lastModified())).orElse(null);
        }
    }
}
