package io.nova.messaging.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nova.kernel.errors.DomainException;
import io.nova.messaging.api.CandidatesRequest;
import io.nova.messaging.api.StartCallRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallDraftTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = UUID.randomUUID().toString();

    private static void refused(int status, String code, Runnable attempt) {
        assertThatThrownBy(attempt::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    @Test
    void aStartNamesAConversationAKindAndAnOfferOfAtMost64KiB() {
        CallDraft draft = CallDraft.of(new StartCallRequest(ID, "video", "v=0\r\n"));
        assertThat(draft.conversation().toString()).isEqualTo(ID);
        refused(400, "validation_failed", () -> CallDraft.of(new StartCallRequest(null, "audio", "v=0")));
        refused(400, "invalid_id", () -> CallDraft.of(new StartCallRequest("nope", "audio", "v=0")));
        refused(400, "validation_failed", () -> CallDraft.of(new StartCallRequest(ID, "hologram", "v=0")));
        refused(400, "validation_failed", () -> CallDraft.of(new StartCallRequest(ID, "audio", " ")));
        refused(400, "validation_failed", () -> CallDraft.of(new StartCallRequest(ID, "audio", "hello")));

        String largest = "v=" + "x".repeat(CallDraft.MAX_SDP_BYTES - 2);
        assertThat(CallDraft.sdp(largest)).isSameAs(largest);
        refused(413, "sdp_too_large", () -> CallDraft.sdp(largest + "x"));
        // Bytes, not characters: 2-byte characters reach the limit at half the length.
        refused(413, "sdp_too_large", () -> CallDraft.sdp("v=" + "é".repeat(CallDraft.MAX_SDP_BYTES / 2)));
    }

    @Test
    void candidateBatchesAreBoundedObjects() throws Exception {
        JsonNode candidate = JSON.readTree("""
                {"candidate":"candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host","sdpMid":"0",
                 "sdpMLineIndex":0}""");
        assertThat(CandidateBatch.of(new CandidatesRequest(List.of(candidate))).endOfCandidates()).isFalse();
        assertThat(CandidateBatch.of(new CandidatesRequest(List.of())).endOfCandidates()).isTrue();
        assertThat(CandidateBatch.of(new CandidatesRequest(Collections.nCopies(50, candidate))).candidates())
                .hasSize(50);
        refused(400, "validation_failed",
                () -> CandidateBatch.of(new CandidatesRequest(Collections.nCopies(51, candidate))));
        refused(400, "validation_failed", () -> CandidateBatch.of(new CandidatesRequest(null)));
        List<JsonNode> withNull = new ArrayList<>();
        withNull.add(null);
        refused(400, "validation_failed", () -> CandidateBatch.of(new CandidatesRequest(withNull)));
        JsonNode text = JSON.readTree("\"candidate:1\"");
        refused(400, "validation_failed", () -> CandidateBatch.of(new CandidatesRequest(List.of(text))));
        JsonNode huge = JSON.createObjectNode().put("candidate", "x".repeat(1024));
        refused(400, "validation_failed", () -> CandidateBatch.of(new CandidatesRequest(List.of(huge))));
    }
}
