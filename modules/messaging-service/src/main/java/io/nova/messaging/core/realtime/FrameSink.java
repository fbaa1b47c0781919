package io.nova.messaging.core.realtime;

import java.util.function.Consumer;

/** The transport under one socket, as the realtime layer needs it; the WebSocket adapter implements it. */
public interface FrameSink {

    /** Sends a text frame; {@code done} gets null once the network took it, or the failure. */
    void send(String text, Consumer<Throwable> done);

    /** A WebSocket ping control frame: clients answer it by themselves, which keeps a quiet socket alive. */
    void ping();

    /** Starts the closing handshake with {@code code}; frames not yet sent are abandoned. */
    void close(int code, String reason);
}
