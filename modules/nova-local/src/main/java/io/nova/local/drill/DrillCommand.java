package io.nova.local.drill;

import io.nova.local.LocalOptions;
import io.nova.local.LocalPlatform;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code ./nova drill [name …|all] [--rate N] [--outage S]}: starts a platform of its own (free ports, data in
 * {@code .nova/drills/platform}, emptied first — a running {@code ./nova local} is left alone), runs the drills
 * under load, prints the table docs/reliability.md keeps and writes it to {@code .nova/drills/report.md}. Exit
 * status 0 when every drill passed, 1 when one failed, 64 for a usage error.
 */
public final class DrillCommand {

    static final String USAGE = "usage: ./nova drill [" + String.join("|", Arrays.stream(Fault.values())
            .map(Fault::command).toList()) + "|all …] [--rate <requests/s>] [--outage <seconds>]";

    private DrillCommand() {
    }

    public static int run(Path root, List<String> args) {
        List<Fault> faults = new ArrayList<>();
        DrillRun.Settings settings = DrillRun.Settings.standard();
        try {
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("--rate")) {
                    settings = new DrillRun.Settings(Integer.parseInt(args.get(++i)), settings.castSize(),
                            settings.lead(), settings.outage(), settings.tail(), settings.settle());
                } else if (arg.equals("--outage")) {
                    settings = new DrillRun.Settings(settings.rate(), settings.castSize(), settings.lead(),
                            Duration.ofSeconds(Long.parseLong(args.get(++i))), settings.tail(), settings.settle());
                } else if (arg.equals("all")) {
                    faults.addAll(List.of(Fault.values()));
                } else {
                    faults.add(Fault.byCommand(arg));
                }
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            System.err.println("nova drill: " + e.getMessage() + "\n" + USAGE);
            return 64;
        }
        if (faults.isEmpty()) {
            faults.addAll(List.of(Fault.values()));
        }
        Path drills = root.resolve(".nova").resolve("drills");
        LocalOptions options = LocalOptions.forTests(root, drills.resolve("platform")).withFresh(true);
        if (faults.contains(Fault.REPLICA_KILL)) {
            options = options.withReplicas(Fault.REPLICATED, 2);
        }
        System.out.println("nova drill: starting a platform of its own in " + options.dataDirectory() + " …");
        List<DrillResult> results = new ArrayList<>();
        stopOnSignal();
        try (LocalPlatform platform = LocalPlatform.start(options, s -> System.out.println("nova drill: " + s))) {
            RUNNING.set(platform);
            URI gateway = URI.create("http://127.0.0.1:" + platform.gateway().port());
            try (DrillRun run = new DrillRun(platform, gateway, settings, s -> System.out.println("nova drill: " + s))) {
                for (Fault fault : faults) {
                    DrillResult result = run.run(fault);
                    results.add(result);
                    System.out.println(result.explain());
                }
            }
        }
        String report = report(results);
        System.out.println(report);
        try {
            Files.createDirectories(drills);
            Files.writeString(drills.resolve("report.md"), report);
        } catch (IOException e) {
            System.err.println("nova drill: could not write the report: " + e);
        }
        return results.stream().allMatch(DrillResult::passed) ? 0 : 1;
    }

    private static final AtomicReference<LocalPlatform> RUNNING = new AtomicReference<>();

    /**
     * Ctrl-C or SIGTERM stops the services and then the servers, in that order, before the JVM goes: left to the
     * JVM's shutdown hooks, the servers would stop under the services and the service JVMs would outlive us.
     * During the start the main thread is interrupted instead, and the start cleans up after itself.
     */
    private static void stopOnSignal() {
        Thread main = Thread.currentThread();
        SignalHandler stop = signal -> {
            LocalPlatform platform = RUNNING.get();
            if (platform == null) {
                main.interrupt();
                return;
            }
            System.out.println("nova drill: stopped; stopping the services, then the platform …");
            platform.close();
            Runtime.getRuntime().halt(130);
        };
        Signal.handle(new Signal("INT"), stop);
        Signal.handle(new Signal("TERM"), stop);
    }

    static String report(List<DrillResult> results) {
        StringBuilder out = new StringBuilder("Fault drills, " + Instant.now() + "\n\n")
                .append(DrillResult.tableHeader()).append('\n');
        results.forEach(r -> out.append(r.tableRow()).append('\n'));
        return out.toString();
    }
}
