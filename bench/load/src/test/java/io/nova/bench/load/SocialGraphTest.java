package io.nova.bench.load;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SocialGraphTest {

    private final SocialGraph graph = SocialGraph.deathStarBench(962);

    @Test
    void theSameSeedBuildsTheSameGraph() {
        SocialGraph again = SocialGraph.deathStarBench(962);
        for (int user = 0; user < graph.users(); user++) {
            assertThat(again.following(user)).containsExactly(graph.following(user));
        }
        assertThat(SocialGraph.deathStarBench(963).following(0)).isNotEqualTo(graph.following(0));
    }

    @Test
    void itHasDeathStarBenchsSize() {
        assertThat(graph.users()).isEqualTo(962);
        // socfb-Reed98 has 18,812 edges; the draw lands near it, not on it.
        assertThat(graph.edges()).isBetween(17_800L, 19_800L);
    }

    @Test
    void nobodyFollowsThemselvesOrAnyoneTwice() {
        for (int user = 0; user < graph.users(); user++) {
            int[] following = graph.following(user);
            assertThat(following).doesNotContain(user).doesNotHaveDuplicates().isNotEmpty();
            assertThat(Arrays.stream(following).min().orElseThrow()).isNotNegative();
            assertThat(Arrays.stream(following).max().orElseThrow()).isLessThan(graph.users());
        }
    }

    @Test
    void bothDegreesAreHeavyTailed() {
        int[] out = new int[graph.users()];
        for (int user = 0; user < graph.users(); user++) {
            out[user] = graph.following(user).length;
        }
        int[] in = graph.followerCounts();
        Arrays.sort(out);
        Arrays.sort(in);
        // A power law: the largest is many times the median, and most users are below the mean.
        assertThat(out[out.length - 1]).isGreaterThan(8 * out[out.length / 2]);
        assertThat(in[in.length - 1]).isGreaterThan(8 * in[in.length / 2]);
        double meanIn = Arrays.stream(in).average().orElseThrow();
        assertThat(Arrays.stream(in).filter(count -> count < meanIn).count()).isGreaterThan(in.length / 2);
    }

    @Test
    void aGraphNeedsTwoUsers() {
        assertThatThrownBy(() -> SocialGraph.generate(1, 5, 1)).isInstanceOf(IllegalArgumentException.class);
        SocialGraph pair = SocialGraph.generate(2, 5, 1);
        assertThat(pair.following(0)).containsExactly(1);
        assertThat(pair.following(1)).containsExactly(0);
    }
}
