package io.nova.bench.messaging;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;

/**
 * Many idle sockets held by one replica: what each costs the server. Several sockets share a user (a user with a
 * phone, a laptop and tabs), so 10,000 sockets do not need 10,000 sign-ups. The server's resident memory is read
 * from /proc (same machine), its heap from the admin port after a collection.
 */
final class IdleRun {

    private final NovaApi api;
    private final int sockets;
    private final int users;
    private final int holdSeconds;
    private final long serverPid;
    private final URI admin;
    private final URI ws;

    IdleRun(NovaApi api, URI ws, int sockets, int users, int holdSeconds, long serverPid, URI admin) {
        this.ws = ws;
        this.api = api;
        this.sockets = sockets;
        this.users = users;
        this.holdSeconds = holdSeconds;
        this.serverPid = serverPid;
        this.admin = admin;
    }

    void run() throws Exception {
        List<NovaApi.Account> accounts = Setup.accounts(api, users);
        System.out.printf("== server before: %s%n", memory());
        System.out.printf("== opening %d sockets on %s for %d users%n", sockets, ws, users);
        Semaphore handshakes = new Semaphore(200);
        List<CompletableFuture<Socket>> opening = new ArrayList<>(sockets);
        long started = System.nanoTime();
        for (int i = 0; i < sockets; i++) {
            handshakes.acquire();
            CompletableFuture<Socket> socket = Socket.open(api.http(), ws, accounts.get(i % users).token(), frame -> {
            });
            socket.whenComplete((s, e) -> handshakes.release());
            opening.add(socket);
        }
        List<Socket> open = opening.stream().map(CompletableFuture::join).toList();
        System.out.printf("== %d sockets open in %.1f s%n", open.size(), (System.nanoTime() - started) / 1e9);
        ScheduledExecutorService heartbeat = Setup.heartbeat(open);
        Thread.sleep(holdSeconds * 1000L);
        long stillOpen = open.stream().filter(Socket::isOpen).count();
        System.out.printf("== after %d s: %d of %d sockets still open; server: %s%n", holdSeconds, stillOpen,
                open.size(), memory());
        heartbeat.shutdownNow();
        open.forEach(Socket::close);
    }

    private String memory() throws Exception {
        String rss = "rss unknown (no --server-pid)";
        if (serverPid > 0) {
            rss = Files.readAllLines(Path.of("/proc/" + serverPid + "/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:")).findFirst().orElse("VmRSS: ?")
                    .replaceAll("\\s+", " ");
        }
        String heap = "heap unknown (no --admin)";
        if (admin != null) {
            api.http().send(HttpRequest.newBuilder(admin.resolve("/tasks/gc"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            String body = api.http().send(HttpRequest.newBuilder(admin.resolve("/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            JsonNode gauges = NovaApi.JSON.readTree(body).path("gauges");
            heap = String.format("heap used %.1f MiB (after a GC) of committed %.1f MiB",
                    gauges.path("jvm.memory.heap.used").path("value").asDouble() / 1048576,
                    gauges.path("jvm.memory.heap.committed").path("value").asDouble() / 1048576);
        }
        return rss + ", " + heap;
    }
}
