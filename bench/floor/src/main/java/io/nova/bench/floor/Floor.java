package io.nova.bench.floor;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The floors of bench/floor (the least a request can cost on a machine with the hop chain Nova is built on, with
 * nothing of Nova in it):
 * <pre>
 *   back &lt;grpc port&gt; &lt;jdbc url&gt; &lt;redis url&gt;     the home feed's GetPosts half (run.sh)
 *   front &lt;floor.yml&gt;                                 the home feed's page half (run.sh)
 *   chat &lt;chat-floor.yml&gt;                             the messaging delivery chain (run-messaging.sh)
 *   gateway &lt;port&gt; &lt;repository root&gt; &lt;path&gt;=&lt;port&gt;…   ./nova local's gateway (nova-local.jar on the class path)
 * </pre>
 */
public final class Floor {

    private Floor() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("back")) {
            FloorBack.serve(Integer.parseInt(args[1]), args[2], args[3]);
        } else if (args.length == 2 && args[0].equals("front")) {
            new FloorFront().run("server", args[1]);
        } else if (args.length == 2 && args[0].equals("chat")) {
            new ChatFloor().run("server", args[1]);
        } else if (args.length >= 4 && args[0].equals("gateway")) {
            FloorGateway.serve(Integer.parseInt(args[1]), Path.of(args[2]),
                    List.of(args).subList(3, args.length));
        } else {
            System.err.println("usage: back <grpc port> <jdbc url> <redis url> | front <floor.yml> | chat"
                    + " <chat-floor.yml> | gateway <port> <repository root> <path>=<port>…; got "
                    + Arrays.toString(args));
            System.exit(2);
        }
    }
}
