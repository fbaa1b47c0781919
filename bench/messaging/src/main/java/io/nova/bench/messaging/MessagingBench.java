package io.nova.bench.messaging;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * bench/messaging's load generator (see bench/README.md):
 * <pre>
 *   deliver [--url U] [--messaging-url U] [--in-flight 64] [--pairs 500] [--rate 1000] [--warmup 30] [--seconds 60]
 *           [--floor true]   (bench/floor's messaging floor at --url instead of Nova)
 *   idle    [--url U] [--ws ws://…/ws] [--sockets 10000] [--users 1000] [--hold 60] [--server-pid P] [--admin http://…:8184]
 *   notify  [--url U] [--owners 100] [--likers 200] [--rate 200] [--warmup 30] [--seconds 60]   (bench/notifications)
 * </pre>
 */
public final class MessagingBench {

    private MessagingBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !List.of("deliver", "idle", "notify").contains(args[0])) {
            System.err.println("usage: deliver|idle|notify [--option value]… (see bench/README.md)");
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = options.getOrDefault("url", "http://127.0.0.1:8080");
        // Sign-ups and setup go through --url; messages and sockets through --messaging-url when it is given (to
        // measure messaging-service itself rather than the gateway in front of it).
        NovaApi api = new NovaApi(URI.create(url), URI.create(options.getOrDefault("messaging-url", url)),
                number(options, "in-flight", 64));
        if (args[0].equals("deliver")) {
            new DeliveryRun(api, number(options, "pairs", 500), number(options, "rate", 1000),
                    number(options, "warmup", 30), number(options, "seconds", 60),
                    Boolean.parseBoolean(options.getOrDefault("floor", "false"))).run();
        } else if (args[0].equals("notify")) {
            new NotificationRun(api, number(options, "owners", 100), number(options, "likers", 200),
                    number(options, "rate", 200), number(options, "warmup", 30), number(options, "seconds", 60)).run();
        } else {
            String admin = options.get("admin");
            new IdleRun(api, options.containsKey("ws") ? URI.create(options.get("ws")) : Setup.socketUri(api.base()),
                    number(options, "sockets", 10_000), number(options, "users", 1000),
                    number(options, "hold", 60), Long.parseLong(options.getOrDefault("server-pid", "0")),
                    admin == null ? null : URI.create(admin)).run();
        }
        System.exit(0);
    }

    private static int number(Map<String, String> options, String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
    }
}
