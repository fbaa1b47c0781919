package io.nova.bench.messaging;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** What both runs need before they measure: users signed up in parallel, and a ping loop for many sockets. */
final class Setup {

    private Setup() {
    }

    static List<NovaApi.Account> accounts(NovaApi api, int count) throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
        List<Callable<NovaApi.Account>> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            tasks.add(() -> api.register(run, n));
        }
        return all(tasks);
    }

    /** Runs setup calls eight at a time, in order of the list; the first failure ends the run. */
    static <T> List<T> all(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<T>> futures = pool.invokeAll(tasks);
            List<T> results = new ArrayList<>(futures.size());
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    static URI socketUri(URI base) {
        String scheme = "https".equals(base.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + base.getRawAuthority() + "/ws");
    }

    /** Pings every socket at half the heartbeat interval the server announced in its hello. */
    static ScheduledExecutorService heartbeat(List<Socket> sockets) {
        long interval = sockets.isEmpty() ? 10_000
                : Math.max(1_000, sockets.get(0).hello().path("data").path("heartbeat_interval_ms").asLong(30_000) / 2);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        timer.scheduleAtFixedRate(() -> sockets.forEach(Socket::ping), interval, interval, TimeUnit.MILLISECONDS);
        return timer;
    }
}
