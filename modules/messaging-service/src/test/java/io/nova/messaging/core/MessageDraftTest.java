package io.nova.messaging.core;

import io.nova.kernel.errors.DomainException;
import io.nova.messaging.api.SendMessageRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageDraftTest {

    private static void refused(int status, String code, SendMessageRequest request) {
        assertThatThrownBy(() -> MessageDraft.of(request)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    @Test
    void textIsCountedInCharactersPeopleSee() {
        assertThat(MessageDraft.of(new SendMessageRequest("😀".repeat(4000), null, null)).text()).hasSize(8000);
        refused(400, "validation_failed", new SendMessageRequest("x".repeat(4001), null, null));
    }

    @Test
    void aMessageNeedsTextOrMedia() {
        refused(400, "empty_message", new SendMessageRequest(null, null, null));
        refused(400, "empty_message", new SendMessageRequest(" \n\t", List.of(), null));
        UUID media = UUID.randomUUID();
        MessageDraft draft = MessageDraft.of(new SendMessageRequest(null, List.of(media.toString()), null));
        assertThat(draft.text()).isEmpty();
        assertThat(draft.mediaIds()).containsExactly(media);
    }

    @Test
    void mediaAreAtMostTenDistinctIdsInTheOrderGiven() {
        List<String> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(UUID.randomUUID().toString());
        }
        assertThat(MessageDraft.of(new SendMessageRequest("", ten, null)).mediaIds())
                .extracting(UUID::toString).containsExactlyElementsOf(ten);
        List<String> eleven = new ArrayList<>(ten);
        eleven.add(UUID.randomUUID().toString());
        refused(400, "validation_failed", new SendMessageRequest("", eleven, null));
        refused(400, "validation_failed", new SendMessageRequest("", List.of(ten.get(0), ten.get(0)), null));
        refused(422, "media_not_found", new SendMessageRequest("", List.of("nope"), null));
    }

    @Test
    void aReplyNamesAMessageId() {
        UUID replied = UUID.randomUUID();
        assertThat(MessageDraft.of(new SendMessageRequest("re", null, replied.toString())).replyTo()).hasValue(replied);
        refused(422, "reply_to_not_found", new SendMessageRequest("re", null, "nope"));
    }
}
