package io.nova.bench.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

/**
 * Who follows whom, shaped like DeathStarBench's social network (socfb-Reed98: 962 users, 18,812 edges), drawn
 * from a seed so every run of the bench builds the same graph.
 *
 * <p>Two power laws, because real follow graphs have both: how many accounts a user follows (out-degree) is drawn
 * from a Pareto distribution with exponent {@link #OUT_DEGREE_EXPONENT}, scaled so the mean is the requested one;
 * whom they follow is drawn by popularity, a Zipf weight {@code 1 / rank^}{@link #POPULARITY_EXPONENT} over a
 * seeded shuffle of the users — so a few accounts collect hundreds of followers while most have a handful
 * (in-degree heavy-tailed too). No one follows themselves, no edge twice.
 */
public final class SocialGraph {

    static final double OUT_DEGREE_EXPONENT = 2.5;
    static final double POPULARITY_EXPONENT = 0.9;

    private final int users;
    private final int[][] following;

    private SocialGraph(int users, int[][] following) {
        this.users = users;
        this.following = following;
    }

    /**
     * DeathStarBench's size: 962 users and about 18,800 follows (socfb-Reed98 has 18,812 edges). Asking for a mean
     * of 22.2 lands there: capping the out-degree at 961 and rounding trim about 12 % off a Pareto's mean.
     */
    public static SocialGraph deathStarBench(long seed) {
        return generate(962, 22.2, seed);
    }

    public static SocialGraph generate(int users, double meanFollows, long seed) {
        if (users < 2) {
            throw new IllegalArgumentException("a social graph needs at least 2 users, not " + users);
        }
        Random random = new Random(seed);
        double[] cumulative = popularity(users, random);
        // Pareto mean = min * (a-1)/(a-2); the cap at users-1 trims the tail a little, which the mean absorbs.
        double minimum = meanFollows * (OUT_DEGREE_EXPONENT - 2) / (OUT_DEGREE_EXPONENT - 1);
        int[][] following = new int[users][];
        for (int user = 0; user < users; user++) {
            double pareto = minimum / Math.pow(1 - random.nextDouble(), 1 / (OUT_DEGREE_EXPONENT - 1));
            int degree = (int) Math.min(users - 1, Math.max(1, Math.round(pareto)));
            following[user] = pick(user, degree, cumulative, random);
        }
        return new SocialGraph(users, following);
    }

    /** Cumulative Zipf weights over a seeded shuffle: user u has weight 1/rank(u)^s. */
    private static double[] popularity(int users, Random random) {
        List<Integer> ranks = new ArrayList<>();
        for (int i = 1; i <= users; i++) {
            ranks.add(i);
        }
        java.util.Collections.shuffle(ranks, random);
        double[] cumulative = new double[users];
        double sum = 0;
        for (int user = 0; user < users; user++) {
            sum += 1 / Math.pow(ranks.get(user), POPULARITY_EXPONENT);
            cumulative[user] = sum;
        }
        return cumulative;
    }

    /** {@code degree} distinct users other than {@code user}, each drawn by popularity. */
    private static int[] pick(int user, int degree, double[] cumulative, Random random) {
        int users = cumulative.length;
        BitSet chosen = new BitSet(users);
        chosen.set(user);
        int[] picked = new int[degree];
        int count = 0;
        int draws = 0;
        while (count < degree) {
            int candidate;
            if (++draws > degree * 50) {
                // The popular ones are taken: finish with the first free users, which keeps this bounded.
                candidate = chosen.nextClearBit(0);
            } else {
                int at = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[users - 1]);
                candidate = at >= 0 ? at : -at - 1;
            }
            if (!chosen.get(candidate)) {
                chosen.set(candidate);
                picked[count++] = candidate;
            }
        }
        Arrays.sort(picked);
        return picked;
    }

    public int users() {
        return users;
    }

    /** The users {@code user} follows, ascending. */
    public int[] following(int user) {
        return following[user].clone();
    }

    public long edges() {
        long edges = 0;
        for (int[] out : following) {
            edges += out.length;
        }
        return edges;
    }

    public int[] followerCounts() {
        int[] counts = new int[users];
        for (int[] out : following) {
            for (int followed : out) {
                counts[followed]++;
            }
        }
        return counts;
    }
}
