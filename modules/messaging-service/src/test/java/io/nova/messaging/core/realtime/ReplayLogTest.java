package io.nova.messaging.core.realtime;

import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import io.nova.messaging.PlatformRedis;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The replay log's scripts against the real Redis: deduplication, exact trimming, and when it says resync. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NovaPlatformExtension.class)
class ReplayLogTest {

    private RedissonClient redis;
    private ReplayLog log;

    @BeforeAll
    void connect(TestPlatform platform) {
        redis = PlatformRedis.client(platform);
        log = new ReplayLog(redis, platform.redisKeyPrefix(), 3);
    }

    @AfterAll
    void disconnect() {
        redis.shutdown();
    }

    @Test
    void anEventAppendedTwiceIsLoggedOnce() {
        UUID user = UUID.randomUUID();
        UUID event = UUID.randomUUID();

        log.append(List.of(user), event, "t", "{\"n\":1}");
        log.append(List.of(user), event, "t", "{\"n\":1}");

        LogRead read = log.read(user, EventId.ZERO, 10);
        assertThat(read.resync()).isFalse();
        assertThat(read.events()).extracting(LoggedEvent::data).containsExactly("{\"n\":1}");
        assertThat(read.last()).isEqualTo(read.events().get(0).id());
    }

    @Test
    void aBatchAppendsEachEventToItsOwnRecipientsInOrderAndOnce() {
        UUID one = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        ReplayLog.Entry first = new ReplayLog.Entry(List.of(one, other), UUID.randomUUID(), "t", "{\"n\":1}");
        ReplayLog.Entry second = new ReplayLog.Entry(List.of(one), UUID.randomUUID(), "t", "{\"n\":2}");

        log.append(List.of(first, second));
        log.append(List.of(first, second)); // a redelivered poll

        assertThat(log.read(one, EventId.ZERO, 10).events()).extracting(LoggedEvent::data)
                .containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(log.read(other, EventId.ZERO, 10).events()).extracting(LoggedEvent::data)
                .containsExactly("{\"n\":1}");
    }

    @Test
    void anAppendSaysWhatEachNewEntryFollowsAndWhoHadTheEventAlready() {
        UUID one = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID firstEvent = UUID.randomUUID();

        ReplayLog.Appends first = log.append(List.of(one, other), firstEvent, "t", "{\"n\":1}");
        ReplayLog.Appends next = log.append(List.of(
                new ReplayLog.Entry(List.of(one), UUID.randomUUID(), "t", "{\"n\":2}"),
                new ReplayLog.Entry(List.of(one), UUID.randomUUID(), "t", "{\"n\":3}")));
        ReplayLog.Appends again = log.append(List.of(one, other), firstEvent, "t", "{\"n\":1}");

        assertThat(first.already()).isEmpty();
        assertThat(first.appended()).extracting(ReplayLog.Appended::user).containsExactly(one, other);
        assertThat(first.appended()).extracting(ReplayLog.Appended::previous)
                .containsExactly(EventId.ZERO, EventId.ZERO);
        List<LoggedEvent> logged = log.read(one, EventId.ZERO, 10).events();
        assertThat(first.appended().get(0).event()).isEqualTo(logged.get(0));
        // Within one batch each entry follows the one before it in the same log.
        assertThat(next.appended()).extracting(ReplayLog.Appended::previous)
                .containsExactly(logged.get(0).id(), logged.get(1).id());
        assertThat(next.appended()).extracting(ReplayLog.Appended::event)
                .containsExactly(logged.get(1), logged.get(2));
        assertThat(again.appended()).isEmpty();
        assertThat(again.already()).containsExactly(one, other);
    }

    @Test
    void aRedisThatForgotTheScriptIsGivenItAgain() {
        UUID user = UUID.randomUUID();
        log.append(List.of(user), UUID.randomUUID(), "t", "{\"n\":1}");

        redis.getScript(StringCodec.INSTANCE).scriptFlush(); // what a Redis restart does to loaded scripts
        log.append(List.of(user), UUID.randomUUID(), "t", "{\"n\":2}");

        assertThat(log.read(user, EventId.ZERO, 10).events()).extracting(LoggedEvent::data)
                .containsExactly("{\"n\":1}", "{\"n\":2}");
    }

    @Test
    void eachRecipientGetsItsOwnIncreasingIds() {
        UUID one = UUID.randomUUID();
        UUID other = UUID.randomUUID();

        log.append(List.of(one, other), UUID.randomUUID(), "t", "{\"n\":1}");
        log.append(List.of(one), UUID.randomUUID(), "t", "{\"n\":2}");

        assertThat(log.read(one, EventId.ZERO, 10).events()).extracting(LoggedEvent::data)
                .containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(log.read(other, EventId.ZERO, 10).events()).extracting(LoggedEvent::data)
                .containsExactly("{\"n\":1}");
    }

    @Test
    void readsArePagedAfterTheCursor() {
        UUID user = UUID.randomUUID();
        for (int n = 1; n <= 3; n++) {
            log.append(List.of(user), UUID.randomUUID(), "t", "{\"n\":" + n + "}");
        }

        LogRead first = log.read(user, EventId.ZERO, 2);
        LogRead rest = log.read(user, first.events().get(1).id(), 2);

        assertThat(first.events()).extracting(LoggedEvent::data).containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(rest.events()).extracting(LoggedEvent::data).containsExactly("{\"n\":3}");
        assertThat(log.read(user, rest.last(), 2).events()).isEmpty();
    }

    @Test
    void trimmingKeepsTheNewestAndMakesOlderPositionsResync() {
        UUID user = UUID.randomUUID();
        UUID firstEvent = UUID.randomUUID();
        log.append(List.of(user), firstEvent, "t", "{\"n\":1}");
        EventId one = log.last(user);
        log.append(List.of(user), UUID.randomUUID(), "t", "{\"n\":2}");
        EventId two = log.last(user);
        for (int n = 3; n <= 5; n++) {
            log.append(List.of(user), UUID.randomUUID(), "t", "{\"n\":" + n + "}");
        }

        assertThat(log.read(user, one, 10).resync()).as("event 2 is gone").isTrue();
        assertThat(log.read(user, EventId.ZERO, 10).resync()).as("events 1 and 2 are gone").isTrue();
        assertThat(log.read(user, two, 10).events()).extracting(LoggedEvent::data)
                .containsExactly("{\"n\":3}", "{\"n\":4}", "{\"n\":5}");
        // A trimmed event redelivered by Kafka is appended anew: the dedup only covers what the log still holds.
        EventId five = log.last(user);
        log.append(List.of(user), firstEvent, "t", "{\"n\":1}");
        assertThat(log.read(user, five, 10).events()).extracting(LoggedEvent::data).containsExactly("{\"n\":1}");
    }

    @Test
    void positionsTheLogCannotVouchForAreResync() {
        UUID user = UUID.randomUUID();
        assertThat(log.read(user, EventId.ZERO, 10).resync()).as("a new user from the start").isFalse();
        assertThat(log.read(user, new EventId(5, 0), 10).resync()).as("an id for a log that does not exist")
                .isTrue();

        log.append(List.of(user), UUID.randomUUID(), "t", "{}");
        EventId last = log.last(user);
        assertThat(log.read(user, new EventId(last.millis() + 60_000, 0), 10).resync()).as("from the future")
                .isTrue();
        assertThat(log.read(user, new EventId(last.millis() - 60_000, 0), 10).resync())
                .as("older than the log's first event").isTrue();
        assertThat(log.read(user, last, 10)).isEqualTo(new LogRead(false, last, List.of()));
    }
}
