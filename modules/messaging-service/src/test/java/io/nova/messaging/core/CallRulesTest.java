package io.nova.messaging.core;

import io.nova.kernel.errors.DomainException;
import io.nova.messaging.db.CallRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.nova.messaging.core.CallRules.Action.ANSWER;
import static io.nova.messaging.core.CallRules.Action.END;
import static io.nova.messaging.core.CallRules.Action.REJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallRulesTest {

    private static final UUID ANN = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();
    private static final UUID CID = UUID.randomUUID();
    private static final UUID DAN = UUID.randomUUID();
    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant DEADLINE = START.plusSeconds(45);
    private static final Instant NOW = START.plusSeconds(5);

    static CallRow ringing(UUID caller, List<UUID> callees, List<UUID> declined) {
        return new CallRow(UUID.randomUUID(), UUID.randomUUID(), caller, callees, declined, "audio",
                CallRow.RINGING, "v=0", null, START, DEADLINE, null, null, null, null, null);
    }

    static CallRow answered(UUID caller, List<UUID> callees, UUID by) {
        return new CallRow(UUID.randomUUID(), UUID.randomUUID(), caller, callees, List.of(), "video",
                CallRow.ANSWERED, "v=0", "v=0", START, DEADLINE, by, NOW, null, null, null);
    }

    static CallRow ended(String reason) {
        return new CallRow(UUID.randomUUID(), UUID.randomUUID(), ANN, List.of(BOB), List.of(), "audio",
                CallRow.ENDED, null, null, START, DEADLINE, null, null, NOW, reason, ANN);
    }

    private static void refused(int status, String code, Runnable attempt) {
        assertThatThrownBy(attempt::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    private static CallRules.Step step(CallRow call, UUID actor, CallRules.Action action) {
        return CallRules.decide(call, actor, action, NOW);
    }

    @Test
    void aCalleeAnswersTheCallerCannotAndTheFirstAnswerWins() {
        CallRow call = ringing(ANN, List.of(BOB, CID), List.of());
        assertThat(step(call, BOB, ANSWER).change()).isEqualTo(CallRules.Change.ANSWER);
        refused(403, "not_a_callee", () -> step(call, ANN, ANSWER));
        refused(403, "not_a_callee", () -> step(call, DAN, ANSWER));
        CallRow taken = answered(ANN, List.of(BOB, CID), BOB);
        refused(409, "call_already_answered", () -> step(taken, CID, ANSWER));
        refused(409, "call_already_answered", () -> step(taken, BOB, ANSWER));
    }

    @Test
    void rejectingEndsAOneToOneCallAndAGroupCallOnceEveryCalleeRejected() {
        CallRules.Step direct = step(ringing(ANN, List.of(BOB), List.of()), BOB, REJECT);
        assertThat(direct.change()).isEqualTo(CallRules.Change.END);
        assertThat(direct.reason()).isEqualTo(CallRules.REJECTED);

        assertThat(step(ringing(ANN, List.of(BOB, CID), List.of()), BOB, REJECT).change())
                .isEqualTo(CallRules.Change.DECLINE);
        CallRules.Step last = step(ringing(ANN, List.of(BOB, CID), List.of(BOB)), CID, REJECT);
        assertThat(last.change()).isEqualTo(CallRules.Change.END);
        assertThat(last.reason()).isEqualTo(CallRules.REJECTED);
        // Rejecting again changes nothing; answering after rejecting is refused.
        assertThat(step(ringing(ANN, List.of(BOB, CID), List.of(BOB)), BOB, REJECT).change())
                .isEqualTo(CallRules.Change.NOTHING);
        refused(409, "call_declined", () -> step(ringing(ANN, List.of(BOB, CID), List.of(BOB)), BOB, ANSWER));
        refused(403, "not_a_callee", () -> step(ringing(ANN, List.of(BOB), List.of()), ANN, REJECT));
        refused(409, "call_already_answered", () -> step(answered(ANN, List.of(BOB, CID), BOB), CID, REJECT));
    }

    @Test
    void endingCancelsHangsUpOrRejectsByWhoAndWhen() {
        CallRow ringing = ringing(ANN, List.of(BOB, CID), List.of());
        assertThat(step(ringing, ANN, END).reason()).isEqualTo(CallRules.CANCELLED);
        assertThat(step(ringing(ANN, List.of(BOB), List.of()), BOB, END).reason()).isEqualTo(CallRules.REJECTED);
        assertThat(step(ringing, BOB, END).change()).isEqualTo(CallRules.Change.DECLINE);
        refused(403, "not_in_call", () -> step(ringing, DAN, END));

        CallRow answered = answered(ANN, List.of(BOB, CID), BOB);
        assertThat(step(answered, ANN, END).reason()).isEqualTo(CallRules.HUNG_UP);
        assertThat(step(answered, BOB, END).reason()).isEqualTo(CallRules.HUNG_UP);
        refused(403, "not_in_call", () -> step(answered, CID, END));
    }

    @Test
    void anEndedCallTakesNothing() {
        for (CallRules.Action action : CallRules.Action.values()) {
            refused(409, "call_ended", () -> step(ended(CallRules.CANCELLED), BOB, action));
        }
        refused(409, "call_ended", () -> CallRules.candidateRecipients(ended(CallRules.HUNG_UP), ANN, NOW));
    }

    @Test
    void aCallPastItsDeadlineIsMissedAndALateAnswerIsToldSo() {
        CallRow call = ringing(ANN, List.of(BOB), List.of());
        CallRules.Step late = CallRules.decide(call, BOB, ANSWER, DEADLINE);
        assertThat(late.change()).isEqualTo(CallRules.Change.END);
        assertThat(late.reason()).isEqualTo(CallRules.MISSED);
        assertThat(late.refusal().code()).isEqualTo("call_ended");
        assertThat(late.refusal().details()).containsEntry("end_reason", "missed");
        CallRules.Step cancelLate = CallRules.decide(call, ANN, END, DEADLINE.plusMillis(1));
        assertThat(cancelLate.reason()).isEqualTo(CallRules.MISSED);
        assertThat(cancelLate.refusal()).isNull();
        assertThat(CallRules.ringOver(call, DEADLINE.minusMillis(1))).isFalse();
        assertThat(CallRules.ringOver(answered(ANN, List.of(BOB), BOB), DEADLINE.plusSeconds(60))).isFalse();
    }

    @Test
    void candidatesGoToTheOtherParty() {
        CallRow ringing = ringing(ANN, List.of(BOB, CID, DAN), List.of(DAN));
        assertThat(CallRules.candidateRecipients(ringing, ANN, NOW)).containsExactly(BOB, CID);
        refused(409, "call_not_answered", () -> CallRules.candidateRecipients(ringing, BOB, NOW));
        refused(403, "not_in_call", () -> CallRules.candidateRecipients(ringing, UUID.randomUUID(), NOW));

        CallRow answered = answered(ANN, List.of(BOB, CID), CID);
        assertThat(CallRules.candidateRecipients(answered, ANN, NOW)).containsExactly(CID);
        assertThat(CallRules.candidateRecipients(answered, CID, NOW)).containsExactly(ANN);
        refused(403, "not_in_call", () -> CallRules.candidateRecipients(answered, BOB, NOW));
        refused(409, "call_ended", () -> CallRules.candidateRecipients(ringing, ANN, DEADLINE));
    }
}
