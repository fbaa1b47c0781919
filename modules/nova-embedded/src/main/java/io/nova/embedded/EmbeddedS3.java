package io.nova.embedded;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An S3-compatible endpoint in this JVM (S3Proxy), speaking the real S3 REST protocol with AWS signatures.
 *
 * <p>Clients use path-style addressing ({@code http://127.0.0.1:port/bucket/key}): virtual-host style would need
 * DNS names per bucket. Objects live in a directory when one is given (a local run keeps its uploads) and in
 * memory otherwise (tests). The credentials are fixed and public: this endpoint only listens on loopback.
 */
public final class EmbeddedS3 implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedS3.class);

    public static final String ACCESS_KEY = "nova-local";
    public static final String SECRET_KEY = "nova-local-secret";
    /** S3Proxy accepts any region in a signature; clients still need one to sign with. */
    public static final String REGION = "us-east-1";

    private final S3Proxy proxy;
    private final BlobStore store;
    private final Path directory;
    private boolean closed;

    private EmbeddedS3(S3Proxy proxy, BlobStore store, Path directory) {
        this.proxy = proxy;
        this.store = store;
        this.directory = directory;
    }

    /**
     * Starts the endpoint on {@code port} ({@code 0}: a free one), storing objects under {@code directory}, or in
     * memory when it is null.
     */
    public static EmbeddedS3 start(Path directory, int port) {
        QuietLogging.apply();
        Path dir = directory == null ? null : directory.toAbsolutePath().normalize();
        BlobStore store;
        try {
            if (dir == null) {
                store = new TransientNio2BlobStore();
            } else {
                store = new FilesystemNio2BlobStore(Files.createDirectories(dir).toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + dir, e);
        }
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .jettyMaxThreads(16)
                .build();
        try {
            proxy.start();
            awaitStarted(proxy);
        } catch (Exception e) {
            stopQuietly(proxy, store);
            throw new IllegalStateException("S3Proxy did not start on port " + port, e);
        }
        return new EmbeddedS3(proxy, store, dir);
    }

    private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy state is still " + proxy.getState());
            }
            Thread.sleep(5);
        }
    }

    public int port() {
        return proxy.getPort();
    }

    /** {@code http://127.0.0.1:port}; configure clients with path-style access. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public String accessKey() {
        return ACCESS_KEY;
    }

    public String secretKey() {
        return SECRET_KEY;
    }

    public String region() {
        return REGION;
    }

    /** Where objects are stored, or null when they are kept in memory. */
    public Path directory() {
        return directory;
    }

    /** Creates the bucket {@code name} unless it exists. */
    public String createBucket(String name) {
        ResourceNames.requireBucket(name);
        if (!store.containerExists(name)) {
            store.createContainer(name);
        }
        return name;
    }

    public boolean bucketExists(String name) {
        return store.containerExists(name);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopQuietly(proxy, store);
    }

    private static void stopQuietly(S3Proxy proxy, BlobStore store) {
        try {
            proxy.stop();
        } catch (Exception e) {
            LOG.warn("S3Proxy did not stop cleanly: {}", e.toString());
        }
        try {
            store.close();
        } catch (RuntimeException e) {
            LOG.debug("blob store did not close cleanly", e);
        }
    }
}
