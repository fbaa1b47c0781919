package io.nova.embedded;

import java.nio.file.Path;

/**
 * The main class of a second JVM the crash tests start: it starts a platform, reports where, and then either
 * waits to be killed ({@code wait}) or simply returns from main without closing anything ({@code return}).
 *
 * <p>Arguments: {@code wait|return} and optionally a data directory (temporary platform when absent).
 */
public final class PlatformChild {

    private PlatformChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path directory = args.length > 1 ? Path.of(args[1]) : null;
        EmbeddedPlatform platform = EmbeddedPlatform.start(directory, PlatformPorts.ANY);
        platform.postgres().ensureDatabase("crash_test");
        System.out.println("READY " + platform.dataDirectory()
                + " " + platform.postgres().pid().orElse(-1L)
                + " " + platform.redis().pid().orElse(-1L));
        System.out.flush();
        if ("wait".equals(args[0])) {
            Thread.sleep(Long.MAX_VALUE);
        }
        // "return": main ends with the platform open; only JvmExitGuard can let this JVM exit now.
    }
}
