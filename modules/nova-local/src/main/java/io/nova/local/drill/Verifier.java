package io.nova.local.drill;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After the load stops: is everything the platform acknowledged there, through the public API, exactly once? Posts
 * readable with their exact like counts; each post in every ring follower's home feed once (the fan-out went through
 * Kafka); each like in the author's grouped notification counts once (so did that); each conversation's messages
 * numbered 1…n without gap, the acknowledged ones all there and nothing more; each toggled follow in its last
 * acknowledged state. Asynchronous work is given until the deadline to arrive.
 */
final class Verifier {

    /** What was missing and what was there twice, with the first few of each named. */
    record Findings(long lost, long duplicated, List<String> details) {

        boolean clean() {
            return lost == 0 && duplicated == 0;
        }
    }

    private final DrillClient client;
    private final Cast cast;
    private final Map<Integer, SocketWatch> sockets;

    Verifier(DrillClient client, Cast cast, Map<Integer, SocketWatch> sockets) {
        this.client = client;
        this.cast = cast;
        this.sockets = sockets;
    }

    Findings check(Ledger ledger, Duration settle) {
        long deadline = System.nanoTime() + settle.toNanos();
        Findings findings;
        do {
            findings = checkOnce(ledger);
            if (findings.clean()) {
                return findings;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        return findings;
    }

    private Findings checkOnce(Ledger ledger) {
        Tracker t = new Tracker();
        Map<String, java.util.Set<Integer>> likers = ledger.likers();
        for (Ledger.Post post : ledger.posts()) {
            DrillClient.Answer answer = client.get("/api/v1/posts/" + post.id(), cast.member(post.author()).token());
            if (!answer.ok()) {
                t.lost("post " + post.id() + " answered " + answer.status());
                continue;
            }
            long expected = likers.getOrDefault(post.id(), Set.of()).size();
            long counted = answer.body().path("like_count").asLong();
            t.compare(counted, expected, "like_count of post " + post.id());
        }
        feeds(ledger, t);
        likeNotifications(ledger, likers, t);
        messages(ledger, t);
        sockets(ledger, t);
        ledger.following().forEach((member, following) -> {
            DrillClient.Answer answer = client.get("/api/v1/relationships?ids=" + cast.togglePartner(member).id(),
                    cast.member(member).token());
            boolean now = answer.body().path("items").path(0).path("following").asBoolean();
            if (!answer.ok() || now != following) {
                t.lost("member " + member + " should " + (following ? "" : "not ") + "follow its partner");
            }
        });
        return t.findings();
    }

    private void feeds(Ledger ledger, Tracker t) {
        Map<Integer, List<String>> expected = new HashMap<>();
        for (Ledger.Post post : ledger.posts()) {
            for (int follower : cast.followersOf(post.author())) {
                expected.computeIfAbsent(follower, f -> new ArrayList<>()).add(post.id());
            }
        }
        expected.forEach((member, posts) -> {
            Map<String, Integer> seen = new HashMap<>();
            pages("/api/v1/feed?limit=100", cast.member(member).token(),
                    item -> seen.merge(item.path("id").asText(), 1, Integer::sum));
            for (String post : posts) {
                int times = seen.getOrDefault(post, 0);
                t.compare(times, 1, "post " + post + " in member " + member + "'s feed");
            }
        });
    }

    private void likeNotifications(Ledger ledger, Map<String, Set<Integer>> likers, Tracker t) {
        Map<Integer, List<Ledger.Post>> byAuthor = new HashMap<>();
        ledger.posts().forEach(p -> byAuthor.computeIfAbsent(p.author(), a -> new ArrayList<>()).add(p));
        byAuthor.forEach((author, posts) -> {
            Map<String, Long> counts = new HashMap<>();
            pages("/api/v1/notifications?limit=100", cast.member(author).token(), item -> {
                if (item.path("type").asText().equals("like")) {
                    counts.merge(item.path("target").path("post_id").asText(), item.path("count").asLong(),
                            Long::sum);
                }
            });
            for (Ledger.Post post : posts) {
                t.compare(counts.getOrDefault(post.id(), 0L), likers.getOrDefault(post.id(), Set.of()).size(),
                        "likes notified for post " + post.id());
            }
        });
    }

    private void messages(Ledger ledger, Tracker t) {
        ledger.messages().forEach((conversation, acknowledged) -> {
            int member = cast.conversations().indexOf(conversation) * 2;
            List<JsonNode> all = new ArrayList<>();
            long after = 0;
            while (true) {
                DrillClient.Answer page = client.get("/api/v1/conversations/" + conversation
                        + "/messages?limit=100&after_seq=" + after, cast.member(member).token());
                if (!page.ok()) {
                    t.lost("messages of " + conversation + " answered " + page.status());
                    return;
                }
                page.body().path("items").forEach(all::add);
                if (page.body().path("items").size() < 100) {
                    break;
                }
                after = all.get(all.size() - 1).path("seq").asLong();
            }
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).path("seq").asLong() != i + 1) {
                    t.lost("conversation " + conversation + " has seq " + all.get(i).path("seq") + " at " + (i + 1));
                    return;
                }
                ids.add(all.get(i).path("id").asText());
            }
            for (String id : acknowledged) {
                t.compare(ids.contains(id) ? 1 : 0, 1, "message " + id);
            }
            if (all.size() > acknowledged.size()) {
                t.duplicated(all.size() - acknowledged.size(), "conversation " + conversation + " holds "
                        + all.size() + " messages, " + acknowledged.size() + " were acknowledged");
            }
        });
    }

    /**
     * Every message of a watched member's conversation acknowledged in this drill came over its socket exactly
     * once. A socket told {@code resync_required} during the drill was told to reload instead — the one way the
     * server may say "not everything": named, not counted as lost.
     */
    private void sockets(Ledger ledger, Tracker t) {
        Map<String, List<String>> messages = ledger.messagesThisDrill();
        sockets.forEach((member, socket) -> {
            if (socket.outOfOrder() > 0) {
                t.duplicated(socket.outOfOrder(), "member " + member + "'s socket got " + socket.outOfOrder()
                        + " event(s) whose id did not increase");
            }
            if (socket.resyncs() > 0) {
                t.note("member " + member + "'s socket was told resync_required " + socket.resyncs()
                        + " time(s): its client reloads by REST (not counted as lost)");
                return;
            }
            for (String id : messages.getOrDefault(cast.conversationOf(member), List.of())) {
                t.compare(socket.timesReceived(id), 1, "message " + id + " on member " + member + "'s socket");
            }
        });
    }

    private void pages(String first, String token, java.util.function.Consumer<JsonNode> each) {
        String path = first;
        for (int page = 0; page < 20 && path != null; page++) {
            DrillClient.Answer answer = client.get(path, token);
            if (!answer.ok()) {
                return;
            }
            answer.body().path("items").forEach(each);
            String cursor = answer.body().path("next_cursor").asText(null);
            path = cursor == null || cursor.isEmpty() ? null
                    : first + "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts and names the differences. */
    private static final class Tracker {
        private long lost;
        private long duplicated;
        private final List<String> details = new ArrayList<>();

        void compare(long found, long expected, String what) {
            if (found < expected) {
                lost += expected - found;
                note("missing: " + what + " (" + found + " of " + expected + ")");
            } else if (found > expected) {
                duplicated(found - expected, "twice: " + what + " (" + found + " for " + expected + ")");
            }
        }

        void lost(String what) {
            lost++;
            note("missing: " + what);
        }

        void duplicated(long n, String what) {
            duplicated += n;
            note(what);
        }

        void note(String what) {
            if (details.size() < 12) {
                details.add(what);
            }
        }

        Findings findings() {
            return new Findings(lost, duplicated, List.copyOf(details));
        }
    }
}
