package io.nova.user.core.feed;

import io.nova.kernel.paging.Keyset;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FeedRulesTest {

    private static final UUID AUTHOR = UUID.randomUUID();

    private static FeedEntry at(long micros, String idSuffix) {
        return new FeedEntry(UUID.fromString("00000000-0000-0000-0000-" + idSuffix), AUTHOR, micros);
    }

    @Test
    void authorsUpToTheThresholdAreFannedOutAndBeyondAreNot() {
        assertThat(FeedRules.fansOut(0, 3)).isTrue();
        assertThat(FeedRules.fansOut(3, 3)).isTrue();
        assertThat(FeedRules.fansOut(4, 3)).isFalse();
    }

    @Test
    void onlyTheStepOverTheThresholdCrossesItEitherWay() {
        assertThat(FeedRules.crossesFanOut(4, 1, 3)).as("3 → 4 followers").isTrue();
        assertThat(FeedRules.crossesFanOut(3, -1, 3)).as("4 → 3 followers").isTrue();
        assertThat(FeedRules.crossesFanOut(3, 1, 3)).as("2 → 3 followers").isFalse();
        assertThat(FeedRules.crossesFanOut(5, 1, 3)).as("4 → 5 followers").isFalse();
        assertThat(FeedRules.crossesFanOut(4, -1, 3)).as("5 → 4 followers").isFalse();
        assertThat(FeedRules.crossesFanOut(1, 1, 0)).as("threshold 0: the first follower").isTrue();
    }

    @Test
    void newestFirstThenGreaterIdFirst() {
        FeedEntry older = at(10, "000000000001");
        FeedEntry newer = at(20, "000000000001");
        FeedEntry sameTimeGreaterId = at(20, "00000000000f");
        assertThat(List.of(older, newer, sameTimeGreaterId).stream().sorted(FeedEntry.NEWEST_FIRST).toList())
                .containsExactly(sameTimeGreaterId, newer, older);
    }

    @Test
    void anEntryIsAfterAPositionWhenOlderOrSameTimeWithASmallerId() {
        FeedEntry position = at(20, "000000000005");
        Keyset keyset = position.keyset();
        assertThat(at(19, "00000000000f").after(keyset)).isTrue();
        assertThat(at(20, "000000000004").after(keyset)).isTrue();
        assertThat(at(20, "000000000005").after(keyset)).isFalse();
        assertThat(at(20, "000000000006").after(keyset)).isFalse();
        assertThat(at(21, "000000000001").after(keyset)).isFalse();
    }

    @Test
    void mergeInterleavesAndDropsDuplicates() {
        FeedEntry a = at(50, "00000000000a");
        FeedEntry b = at(40, "00000000000b");
        FeedEntry c = at(30, "00000000000c");
        FeedRules.Candidates merged = FeedRules.merge(List.of(new FeedRules.Source(List.of(a, c), false),
                new FeedRules.Source(List.of(b, c), false)), Optional.empty());
        assertThat(merged.entries()).containsExactly(a, b, c);
        assertThat(merged.exhausted()).isTrue();
    }

    @Test
    void aCutSourceStopsTheMergeAtItsLastEntrySoNothingIsSkipped() {
        FeedEntry t1 = at(100, "000000000001");
        FeedEntry t2 = at(80, "000000000002");
        FeedEntry p1 = at(90, "000000000003");
        FeedEntry p2 = at(10, "000000000004");
        // The timeline was cut after t2: it may hold entries between 80 and 10 that p2 would jump over.
        FeedRules.Candidates merged = FeedRules.merge(List.of(new FeedRules.Source(List.of(t1, t2), true),
                new FeedRules.Source(List.of(p1, p2), false)), Optional.empty());
        assertThat(merged.entries()).containsExactly(t1, p1, t2);
        assertThat(merged.exhausted()).isFalse();
    }

    @Test
    void mergeStartsStrictlyAfterTheCursor() {
        FeedEntry a = at(50, "00000000000a");
        FeedEntry b = at(40, "00000000000b");
        FeedRules.Candidates merged = FeedRules.merge(List.of(new FeedRules.Source(List.of(a, b), false)),
                Optional.of(a.keyset()));
        assertThat(merged.entries()).containsExactly(b);
    }
}
