package io.nova.user.core.discovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nova.contracts.EventTypes;
import io.nova.kernel.events.EventEnvelope;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Which content events become analytics rows, and with what sign; the rest of the poll is left out. */
class EngagementSinkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-12-05T10:15:30Z");

    @Test
    void likesAndCommentsAddAndTheirRemovalSubtractsOtherEventsAreNotCopied() throws Exception {
        EventEnvelope liked = event(EventTypes.POST_LIKED, "user_id", "u1", "author_id", "a1");
        EventEnvelope unliked = event(EventTypes.POST_UNLIKED, "user_id", "u1", "author_id", "a1");
        EventEnvelope commented = event(EventTypes.COMMENT_CREATED, "author_id", "u2", "post_author_id", "a1");
        EventEnvelope uncommented = event(EventTypes.COMMENT_DELETED, "author_id", "u2", "deleted_by", "u2");
        EventEnvelope created = event(EventTypes.POST_CREATED, "author_id", "a1", "visibility", "public");
        List<List<EngagementAnalytics.Engagement>> batches = new ArrayList<>();
        EngagementSink sink = new EngagementSink(new EngagementAnalytics() {
            @Override
            public void record(List<Engagement> batch) {
                batches.add(batch);
            }

            @Override
            public List<DailyTop> topPosts(java.time.LocalDate day, int limit) {
                // A recorder of what the sink writes: the sink never queries, and a query here would be a bug it
                // should fail on. The real query is tested against clickhouse-server in DiscoveryEndToEndTest.
                throw new UnsupportedOperationException("the sink only writes");
            }
        });

        sink.handle(List.of(liked, created, unliked, commented, uncommented));
        sink.handle(List.of(created));

        assertThat(batches).hasSize(1);
        List<EngagementAnalytics.Engagement> rows = batches.get(0);
        assertThat(rows).extracting(EngagementAnalytics.Engagement::delta).containsExactly(1, -1, 1, -1);
        assertThat(rows).extracting(EngagementAnalytics.Engagement::actorId).containsExactly("u1", "u1", "u2", "u2");
        assertThat(rows).extracting(EngagementAnalytics.Engagement::postAuthorId).containsExactly("a1", "a1", "a1", "");
        assertThat(rows.get(0).eventId()).isEqualTo(liked.eventId().toString());
        assertThat(rows.get(0).occurredAt()).isEqualTo(AT);
        assertThat(rows.get(0).postId()).isEqualTo("p1");
    }

    private static EventEnvelope event(String type, String... fields) {
        ObjectNode payload = JSON.createObjectNode().put("post_id", "p1");
        for (int i = 0; i < fields.length; i += 2) {
            payload.put(fields[i], fields[i + 1]);
        }
        return new EventEnvelope(UUID.randomUUID(), type, AT, "p1", payload);
    }
}
