package io.nova.local.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The people a drill's load is made by, signed up through the API before any fault: each follows the next
 * {@link #FOLLOWS} in a ring (so whose feed must show a post is known exactly), each even one shares a direct
 * conversation with the next, and each has a partner it follows and unfollows over and over (the toggles).
 */
final class Cast {

    static final int FOLLOWS = 5;
    private static final Duration SETUP_PATIENCE = Duration.ofSeconds(60);

    /** One signed-up user, with tokens that {@link #refreshTokens} renews (access tokens live 15 minutes). */
    static final class Member {
        private final int index;
        private final String id;
        private volatile String token;
        private volatile String refreshToken;

        Member(int index, String id, String token, String refreshToken) {
            this.index = index;
            this.id = id;
            this.token = token;
            this.refreshToken = refreshToken;
        }

        int index() {
            return index;
        }

        String id() {
            return id;
        }

        String token() {
            return token;
        }
    }

    private final List<Member> members;
    private final List<String> conversations;

    private Cast(List<Member> members, List<String> conversations) {
        this.members = members;
        this.conversations = conversations;
    }

    static Cast assemble(DrillClient client, int size) {
        if (size < 2 * FOLLOWS + 2) {
            throw new IllegalArgumentException("a cast needs at least " + (2 * FOLLOWS + 2) + " people");
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String username = "drill_" + run + "_" + i;
            DrillClient.Answer answer = must(() -> client.post("/api/v1/auth/register", null, Map.of(
                    "email", username + "@drill.example", "username", username,
                    "password", "drill password " + run), null), "sign up " + username);
            members.add(new Member(i, answer.body().path("user").path("id").asText(),
                    answer.body().path("access_token").asText(), answer.body().path("refresh_token").asText()));
        }
        for (Member member : members) {
            for (Member followed : following(members, member)) {
                must(() -> client.put("/api/v1/relationships/following/" + followed.id(), member.token()), "follow");
            }
        }
        List<String> conversations = new ArrayList<>();
        for (int i = 0; i + 1 < size; i += 2) {
            List<String> other = List.of(members.get(i + 1).id());
            String token = members.get(i).token();
            DrillClient.Answer answer = must(() -> client.post("/api/v1/conversations", token,
                    Map.of("member_ids", other), null), "start a conversation");
            conversations.add(answer.body().path("id").asText());
        }
        return new Cast(List.copyOf(members), List.copyOf(conversations));
    }

    /** Fresh access tokens for everyone, before a drill: a whole run outlasts one token's 15 minutes. */
    void refreshTokens(DrillClient client) {
        for (Member member : members) {
            DrillClient.Answer answer = must(() -> client.post("/api/v1/auth/refresh", null,
                    Map.of("refresh_token", member.refreshToken), null), "refresh tokens");
            member.refreshToken = answer.body().path("refresh_token").asText();
            member.token = answer.body().path("access_token").asText();
        }
    }

    private static List<Member> following(List<Member> members, Member member) {
        List<Member> followed = new ArrayList<>();
        for (int k = 1; k <= FOLLOWS; k++) {
            followed.add(members.get((member.index() + k) % members.size()));
        }
        return followed;
    }

    /**
     * Sends until answered with success. A platform that just started answers its first calls with 503 while
     * connections between services warm up; anything but a retryable answer is a failure of the setup.
     */
    private static DrillClient.Answer must(Supplier<DrillClient.Answer> request, String what) {
        long deadline = System.nanoTime() + SETUP_PATIENCE.toNanos();
        while (true) {
            DrillClient.Answer answer = request.get();
            if (answer.ok()) {
                return answer;
            }
            if (!answer.retryable() || System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " failed before any fault: " + answer.status() + " "
                        + answer.excerpt());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during " + what, e);
            }
        }
    }

    List<Member> members() {
        return members;
    }

    Member member(int index) {
        return members.get(Math.floorMod(index, members.size()));
    }

    /** Who must see {@code author}'s posts in their home feed: the followers from the ring. */
    Set<Integer> followersOf(int author) {
        Set<Integer> followers = new TreeSet<>();
        for (int k = 1; k <= FOLLOWS; k++) {
            followers.add(Math.floorMod(author - k, members.size()));
        }
        return followers;
    }

    /** The direct conversation {@code member} is in, and the other member's index. */
    String conversationOf(int member) {
        return conversations.get(member / 2);
    }

    int partnerInConversation(int member) {
        return member % 2 == 0 ? member + 1 : member - 1;
    }

    /** True when {@code member} has a conversation (an odd-sized cast leaves the last one out). */
    boolean inConversation(int member) {
        return member / 2 < conversations.size();
    }

    List<String> conversations() {
        return conversations;
    }

    /** Whom {@code member} follows and unfollows in turn: half the ring away, never one of its fixed follows. */
    Member togglePartner(int member) {
        return member(member + members.size() / 2);
    }
}
