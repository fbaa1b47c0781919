package io.nova.messaging.core.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The sockets this replica holds, by user: where a wake-up or a typing signal for a user is delivered. */
public final class LocalSockets {

    private final ConcurrentHashMap<UUID, Set<Connection>> byUser = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile boolean accepting = true;

    /** False once the replica is stopping: the socket is refused. */
    boolean add(Connection connection) {
        if (!accepting) {
            return false;
        }
        byUser.computeIfAbsent(connection.user(), user -> ConcurrentHashMap.newKeySet()).add(connection);
        count.incrementAndGet();
        return true;
    }

    void remove(Connection connection) {
        byUser.computeIfPresent(connection.user(), (user, sockets) -> {
            if (sockets.remove(connection)) {
                count.decrementAndGet();
            }
            return sockets.isEmpty() ? null : sockets;
        });
    }

    void forUser(UUID user, Consumer<Connection> action) {
        Set<Connection> sockets = byUser.get(user);
        if (sockets != null) {
            sockets.forEach(action);
        }
    }

    List<Connection> all() {
        List<Connection> all = new ArrayList<>(count.get());
        byUser.values().forEach(all::addAll);
        return all;
    }

    public int count() {
        return count.get();
    }

    public boolean accepting() {
        return accepting;
    }

    /** The replica is stopping: no new sockets; closes every socket it holds with {@code code}. */
    public void closeAll(int code, String reason) {
        accepting = false;
        all().forEach(connection -> connection.close(code, reason));
    }
}
