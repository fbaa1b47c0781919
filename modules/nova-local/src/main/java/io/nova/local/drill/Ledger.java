package io.nova.local.drill;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the platform acknowledged (answered 2xx) during a drill: the writes that must all be there afterwards,
 * exactly once. Messages are kept for the whole run (a conversation's seqs run on from drill to drill); posts,
 * likes and toggles for the current drill.
 */
final class Ledger {

    /** A post the platform acknowledged, and who wrote it. */
    record Post(String id, int author) {
    }

    private final List<Post> posts = new ArrayList<>();
    private final Map<String, Set<Integer>> likers = new LinkedHashMap<>();
    private final Map<String, List<String>> messages = new HashMap<>();
    private final Map<String, List<String>> messagesThisDrill = new HashMap<>();
    private final Map<Integer, Boolean> following = new HashMap<>();
    private long acknowledged;
    private long refused;
    private final List<String> refusals = new ArrayList<>();

    synchronized void posted(String id, int author) {
        posts.add(new Post(id, author));
        acknowledged++;
    }

    synchronized void liked(String postId, int liker) {
        likers.computeIfAbsent(postId, p -> new LinkedHashSet<>()).add(liker);
        acknowledged++;
    }

    synchronized void sent(String conversation, String messageId) {
        messages.computeIfAbsent(conversation, c -> new ArrayList<>()).add(messageId);
        messagesThisDrill.computeIfAbsent(conversation, c -> new ArrayList<>()).add(messageId);
        acknowledged++;
    }

    synchronized void toggled(int member, boolean nowFollowing) {
        following.put(member, nowFollowing);
        acknowledged++;
    }

    /** A write the platform turned down with a 4xx it should not have: the request was valid. */
    synchronized void refused(String what) {
        refused++;
        if (refusals.size() < 10) {
            refusals.add(what);
        }
    }

    /** Forgets the current drill's posts, likes and toggles (messages run on). */
    synchronized void nextDrill() {
        posts.clear();
        messagesThisDrill.clear();
        likers.clear();
        following.clear();
        acknowledged = 0;
        refused = 0;
        refusals.clear();
    }

    synchronized List<Post> posts() {
        return List.copyOf(posts);
    }

    /** A post of this drill to like, or null before the first. */
    synchronized Post somePost(int pick) {
        return posts.isEmpty() ? null : posts.get(Math.floorMod(pick, posts.size()));
    }

    synchronized Map<String, Set<Integer>> likers() {
        Map<String, Set<Integer>> copy = new LinkedHashMap<>();
        likers.forEach((post, who) -> copy.put(post, Set.copyOf(who)));
        return copy;
    }

    synchronized Map<String, List<String>> messages() {
        Map<String, List<String>> copy = new HashMap<>();
        messages.forEach((conversation, ids) -> copy.put(conversation, List.copyOf(ids)));
        return copy;
    }

    /** The messages acknowledged in the current drill, by conversation. */
    synchronized Map<String, List<String>> messagesThisDrill() {
        Map<String, List<String>> copy = new HashMap<>();
        messagesThisDrill.forEach((conversation, ids) -> copy.put(conversation, List.copyOf(ids)));
        return copy;
    }

    synchronized Map<Integer, Boolean> following() {
        return Map.copyOf(following);
    }

    synchronized long acknowledged() {
        return acknowledged;
    }

    synchronized long refused() {
        return refused;
    }

    synchronized List<String> refusals() {
        return List.copyOf(refusals);
    }
}
