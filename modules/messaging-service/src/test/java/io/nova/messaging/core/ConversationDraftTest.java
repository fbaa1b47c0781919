package io.nova.messaging.core;

import io.nova.kernel.errors.DomainException;
import io.nova.messaging.api.CreateConversationRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConversationDraftTest {

    private static final UUID ME = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();
    private static final UUID CID = UUID.randomUUID();

    private static ConversationDraft draft(String name, Object... ids) {
        List<String> given = new ArrayList<>();
        for (Object id : ids) {
            given.add(String.valueOf(id));
        }
        return ConversationDraft.of(ME, new CreateConversationRequest(given, name));
    }

    private static void refused(int status, String code, Runnable attempt) {
        assertThatThrownBy(attempt::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    @Test
    void oneOtherAndNoNameIsDirectAnythingElseAGroup() {
        assertThat(draft(null, BOB).direct()).isTrue();
        assertThat(draft(null, BOB, ME).direct()).as("listing oneself changes nothing").isTrue();
        assertThat(draft("us", BOB).direct()).isFalse();
        assertThat(draft(null, BOB, CID).direct()).isFalse();
        assertThat(draft(null, BOB, CID).everyone()).containsExactly(ME, BOB, CID);
        assertThat(draft("  Trip  ", BOB, CID).name()).hasValue("Trip");
    }

    @Test
    void membersMustBeOthersGivenOnceAndAtMost255() {
        refused(400, "validation_failed", () -> draft(null));
        refused(400, "validation_failed", () -> draft(null, ME));
        refused(400, "validation_failed", () -> draft(null, BOB, BOB));
        refused(400, "invalid_id", () -> draft(null, BOB, "x"));
        refused(400, "invalid_id", () -> draft(null, "1-1-1-1-1"));
        Object[] many = new Object[256];
        for (int i = 0; i < many.length; i++) {
            many[i] = UUID.randomUUID();
        }
        refused(400, "validation_failed", () -> draft(null, many));
        assertThat(draft(null, Arrays.copyOf(many, 255)).everyone()).hasSize(256);
        refused(400, "validation_failed", () -> ConversationDraft.of(ME, new CreateConversationRequest(null, null)));
    }

    @Test
    void namesAreOneToAHundredCharacters() {
        refused(400, "validation_failed", () -> draft(" ", BOB));
        refused(400, "validation_failed", () -> draft("n".repeat(101), BOB));
        assertThat(draft("😀".repeat(100), BOB).name()).hasValue("😀".repeat(100));
    }

    @Test
    void unknownUsersAreNamed() {
        DomainException error = ConversationDraft.unknownUsers(Set.of(BOB, CID));
        assertThat(error.status()).isEqualTo(422);
        assertThat(error.code()).isEqualTo("user_not_found");
        assertThat(error.getMessage()).contains(BOB.toString()).contains(CID.toString());
        assertThat(error.details().get("user_ids")).asList().hasSize(2);
    }
}
