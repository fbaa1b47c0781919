package io.nova.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Class<?> simulation = switch (scenario) {
            case "mix" -> MixSimulation.class;
            case "realtime" -> RealtimeSimulation.class;
            default -> {
                System.err.println("usage: LoadBench mix|realtime   (settings: -Dnova.url= -Dnova.rates= …, see bench/README.md)");
                System.exit(64);
                yield null;
            }
        };
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Path results = settings.outputDirectory().resolve("gatling");
        Files.createDirectories(results);
        int status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
                "--simulation", simulation.getName(),
                "--results-folder", results.toAbsolutePath().toString(),
                "--run-description", scenario + " against " + settings.baseUrl()});
        Path report = newest(results);
        if (report != null) {
            String summary = scenario.equals("mix")
                    ? new MixSummary(settings).write(report, settings.outputDirectory().resolve("cpu.json"))
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
