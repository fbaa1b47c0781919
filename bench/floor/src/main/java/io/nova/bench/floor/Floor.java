package io.nova.bench.floor;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code java -jar nova-bench-floor.jar back <grpc port> <jdbc url> <redis url>} or
 * {@code java -jar nova-bench-floor.jar front <floor.yml>} or {@code … gateway <port> <front port> <repository root>}
 * (with nova-local.jar on the class path): the two halves of the home feed's hop chain with nothing of
 * Nova in them (see bench/floor/run.sh).
 */
public final class Floor {

    private Floor() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("back")) {
            FloorBack.serve(Integer.parseInt(args[1]), args[2], args[3]);
        } else if (args.length == 2 && args[0].equals("front")) {
            new FloorFront().run("server", args[1]);
        } else if (args.length == 4 && args[0].equals("gateway")) {
            FloorGateway.serve(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
        } else {
            System.err.println("usage: back <grpc port> <jdbc url> <redis url> | front <floor.yml>"
                    + " | gateway <port> <front port> <repository root>; got "
                    + Arrays.toString(args));
            System.exit(2);
        }
    }
}
