package io.nova.local;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The way to a backend, telling its failures apart from the client's: while a request body streams through, an
 * {@link IOException} may come from reading the client (gone, or a malformed body) or from writing the backend.
 * The latter usually means the backend answered early (a 413 or 401 decided on the head) and closed, and that
 * answer is still waiting to be read and relayed.
 */
final class BackendOutput extends OutputStream {

    private final OutputStream out;

    BackendOutput(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw new WriteFailed(e);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            throw new WriteFailed(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw new WriteFailed(e);
        }
    }

    /** The backend stopped taking the request. */
    static final class WriteFailed extends IOException {
        WriteFailed(IOException cause) {
            super("writing to the backend failed: " + cause.getMessage(), cause);
        }
    }
}
