package io.nova.bench.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * Waits until a local Nova has digested what came before — a seed leaves minutes of work queued behind it (fan-out
 * of thousands of posts, notifications, image renditions) — so a measurement does not start on a machine still
 * busy with it. "Quiet": the machine, less this generator, used under {@link #CORES} cores over 5 s.
 */
final class Quiet {

    static final double CORES = 0.35;
    private static final int MAX_WAIT_SECONDS = 600;

    private Quiet() {
    }

    static void awaitIfLocal(URI base) {
        if (!isLocal(base.getHost())) {
            return;
        }
        long deadline = System.nanoTime() + MAX_WAIT_SECONDS * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            CpuSnapshot before = CpuSnapshot.take();
            NovaClient.pause(5_000);
            CpuSnapshot after = CpuSnapshot.take();
            Map<String, Double> used = after.secondsSince(before);
            double others = (used.getOrDefault(CpuSnapshot.MACHINE, 0.0) - used.getOrDefault(CpuSnapshot.GENERATOR, 0.0))
                    / after.wallSecondsSince(before);
            if (others < CORES) {
                return;
            }
            System.out.printf("bench: waiting for Nova to finish earlier work (%.2f cores busy)%n", others);
        }
        System.out.println("bench: Nova is still busy after " + MAX_WAIT_SECONDS + " s; measuring anyway");
    }

    private static boolean isLocal(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            return address.isLoopbackAddress() || address.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

}
