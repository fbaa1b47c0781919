package io.nova.messaging.core;

import io.nova.messaging.api.MediaView;
import io.nova.messaging.api.MessagePreview;
import io.nova.messaging.api.MessageView;
import io.nova.messaging.db.MessageRow;
import io.nova.messaging.db.ReactionRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ViewsTest {

    private static final Instant AT = Instant.parse("2026-12-05T08:00:00Z");
    private static final UUID MEDIA = UUID.randomUUID();

    private static MessageRow row(String text, Instant deletedAt) {
        return new MessageRow(UUID.randomUUID(), UUID.randomUUID(), 7, UUID.randomUUID(), text,
                deletedAt == null ? List.of(MEDIA) : List.of(), null, AT, null, deletedAt);
    }

    @Test
    void aTombstoneShowsNoTextMediaOrReactionsButKeepsItsSeq() {
        MessageRow row = row(null, AT.plusSeconds(5));
        MessageView view = Views.message(row, List.of(new MediaView(MEDIA.toString(), "image", "u", "t")),
                List.of(new ReactionRow(row.id(), "👍", 2, true)), UUID.randomUUID());
        assertThat(view.deleted()).isTrue();
        assertThat(view.text()).isNull();
        assertThat(view.media()).isEmpty();
        assertThat(view.reactions()).isEmpty();
        assertThat(view.seq()).isEqualTo(7);
        MessagePreview preview = Views.preview(row);
        assertThat(preview.deleted()).isTrue();
        assertThat(preview.text()).isNull();
    }

    @Test
    void eventViewsLeaveOutWhatDiffersPerViewer() {
        MessageRow row = row("hi", null);
        List<ReactionRow> reactions = List.of(new ReactionRow(row.id(), "👍", 2, true));
        assertThat(Views.message(row, List.of(), reactions, null).reactions().get(0).reactedByMe()).isNull();
        assertThat(Views.message(row, List.of(), reactions, UUID.randomUUID()).reactions().get(0).reactedByMe())
                .isTrue();
    }

    @Test
    void mediaKeepTheSendersOrderAndUnreadyOnesAreLeftOut() {
        UUID second = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        MessageRow row = new MessageRow(UUID.randomUUID(), UUID.randomUUID(), 1, UUID.randomUUID(), "",
                List.of(second, gone, MEDIA), null, AT, null, null);
        Map<UUID, MediaView> known = Map.of(MEDIA, new MediaView(MEDIA.toString(), "image", "u", null),
                second, new MediaView(second.toString(), "video", "v", null));
        assertThat(Views.media(row, known)).extracting(MediaView::id)
                .containsExactly(second.toString(), MEDIA.toString());
    }

    @Test
    void previewsAreCutAt140CharactersPeopleSee() {
        assertThat(Views.preview(row("😀".repeat(200), null)).text()).isEqualTo("😀".repeat(140) + "…");
        assertThat(Views.preview(row("short", null)).text()).isEqualTo("short");
        assertThat(Views.preview(row("x", null)).mediaCount()).isEqualTo(1);
        assertThat(Views.preview(null)).isNull();
    }
}
