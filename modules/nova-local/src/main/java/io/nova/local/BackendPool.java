package io.nova.local;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Idle keep-alive connections to each backend, as ingress-nginx keeps upstream connections: a request reuses one
 * instead of paying a TCP handshake and a new server-side connection each time. A connection idle longer than
 * {@link #MAX_IDLE_MILLIS} is dropped before the backend's own idle timeout (Jetty: 30 s) could close it under us.
 */
final class BackendPool implements AutoCloseable {

    static final long MAX_IDLE_MILLIS = 15_000;
    static final int MAX_IDLE_PER_BACKEND = 64;

    /** One connection to a backend, with its buffered streams. */
    static final class Connection implements AutoCloseable {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        /** True once it served an earlier exchange: the backend may have closed it meanwhile. */
        boolean reused;
        private long idleSince;

        private Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing is all we wanted.
            }
        }
    }

    private final Map<InetSocketAddress, ConcurrentLinkedDeque<Connection>> idle = new ConcurrentHashMap<>();
    private final int connectTimeoutMillis;

    BackendPool(int connectTimeoutMillis) {
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    /** An idle connection when one is fresh enough, else a new one. */
    Connection borrow(InetSocketAddress address) throws IOException {
        ConcurrentLinkedDeque<Connection> connections = idle.get(address);
        if (connections != null) {
            Connection connection;
            while ((connection = connections.pollFirst()) != null) {
                if (System.currentTimeMillis() - connection.idleSince < MAX_IDLE_MILLIS
                        && !connection.socket.isClosed()) {
                    connection.reused = true;
                    return connection;
                }
                connection.close();
            }
        }
        return open(address);
    }

    Connection open(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(address, connectTimeoutMillis);
            socket.setTcpNoDelay(true);
            return new Connection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Returns a connection whose last exchange ended cleanly; beyond the idle cap it is closed instead. */
    void release(InetSocketAddress address, Connection connection) {
        ConcurrentLinkedDeque<Connection> connections = idle.computeIfAbsent(address, a -> new ConcurrentLinkedDeque<>());
        if (connections.size() >= MAX_IDLE_PER_BACKEND) {
            connection.close();
            return;
        }
        connection.idleSince = System.currentTimeMillis();
        connections.addFirst(connection);
    }

    @Override
    public void close() {
        idle.values().forEach(connections -> connections.forEach(Connection::close));
        idle.clear();
    }
}
