package io.nova.messaging.core;

import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.ErrorKind;
import io.nova.messaging.db.CallRow;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who may do what to a call in which state — pure, so every rule has a fast test. The caller of a ringing call may
 * cancel it; its callees (the conversation's other members when it started) may answer or reject it, and the first
 * answer wins; once answered, only the caller and the one who answered are in the call, and either may hang up.
 * A ringing call past its deadline is missed, whatever arrives: a late answer ends it as missed and is refused.
 * Being a member of the conversation is checked before (anyone else gets 404).
 */
public final class CallRules {

    /** The end reasons, as stored and sent. */
    public static final String MISSED = "missed";
    public static final String REJECTED = "rejected";
    public static final String CANCELLED = "cancelled";
    public static final String HUNG_UP = "hung_up";

    public enum Action { ANSWER, REJECT, END }

    public enum Change { ANSWER, DECLINE, END, NOTHING }

    /**
     * What an action does: the change to write ({@code reason} for an end), and the refusal to answer with once it
     * is written (a late answer: the call is written as missed, and the answer is refused).
     */
    public record Step(Change change, String reason, DomainException refusal) {

        static Step of(Change change) {
            return new Step(change, null, null);
        }

        static Step end(String reason) {
            return new Step(Change.END, reason, null);
        }
    }

    private CallRules() {
    }

    /** The step {@code actor} takes with {@code action} on {@code call} at {@code now} (the database's clock). */
    public static Step decide(CallRow call, UUID actor, Action action, Instant now) {
        if (CallRow.ENDED.equals(call.state())) {
            throw ended(call);
        }
        if (ringOver(call, now)) {
            // Too late for anything but the sweep's outcome; an answer or a rejection is told so.
            return new Step(Change.END, MISSED, action == Action.END ? null : endedAs(call.id(), MISSED));
        }
        return switch (action) {
            case ANSWER -> answer(call, actor);
            case REJECT -> reject(call, actor);
            case END -> end(call, actor);
        };
    }

    /** Whether a ringing call has rung out at {@code now}. */
    public static boolean ringOver(CallRow call, Instant now) {
        return CallRow.RINGING.equals(call.state()) && !now.isBefore(call.ringDeadline());
    }

    /**
     * Who {@code actor}'s ICE candidates go to: from the caller, to every callee still ringing, then to the one who
     * answered; from the one who answered, to the caller. Anyone else is refused.
     */
    public static List<UUID> candidateRecipients(CallRow call, UUID actor, Instant now) {
        if (CallRow.ENDED.equals(call.state()) || ringOver(call, now)) {
            throw ended(call);
        }
        boolean ringing = CallRow.RINGING.equals(call.state());
        if (actor.equals(call.callerId())) {
            if (ringing) {
                return call.calleeIds().stream().filter(callee -> !call.declinedBy().contains(callee)).toList();
            }
            return List.of(call.answeredBy());
        }
        if (!ringing && actor.equals(call.answeredBy())) {
            return List.of(call.callerId());
        }
        if (ringing && call.calleeIds().contains(actor)) {
            throw DomainException.conflict("call_not_answered",
                    "Send candidates after your answer was accepted: the call is still ringing");
        }
        throw notInCall();
    }

    private static Step answer(CallRow call, UUID actor) {
        requireCallee(call, actor, "answer");
        if (CallRow.ANSWERED.equals(call.state())) {
            throw DomainException.of(ErrorKind.CONFLICT, "call_already_answered", "The call was already answered",
                    Map.of("call_id", call.id().toString(), "answered_by", call.answeredBy().toString()));
        }
        if (call.declinedBy().contains(actor)) {
            throw DomainException.conflict("call_declined", "You rejected this call");
        }
        return Step.of(Change.ANSWER);
    }

    private static Step reject(CallRow call, UUID actor) {
        requireCallee(call, actor, "reject");
        if (CallRow.ANSWERED.equals(call.state())) {
            throw DomainException.of(ErrorKind.CONFLICT, "call_already_answered",
                    "The call was already answered; hang up with /end", Map.of("call_id", call.id().toString(),
                            "answered_by", call.answeredBy().toString()));
        }
        if (call.declinedBy().contains(actor)) {
            return Step.of(Change.NOTHING);
        }
        Set<UUID> declined = new HashSet<>(call.declinedBy());
        declined.add(actor);
        return declined.containsAll(call.calleeIds()) ? Step.end(REJECTED) : Step.of(Change.DECLINE);
    }

    private static Step end(CallRow call, UUID actor) {
        if (CallRow.RINGING.equals(call.state())) {
            if (actor.equals(call.callerId())) {
                return Step.end(CANCELLED);
            }
            if (call.calleeIds().contains(actor)) {
                // A callee hanging up on a ringing call rejects it.
                return reject(call, actor);
            }
            throw notInCall();
        }
        if (actor.equals(call.callerId()) || actor.equals(call.answeredBy())) {
            return Step.end(HUNG_UP);
        }
        throw notInCall();
    }

    private static void requireCallee(CallRow call, UUID actor, String verb) {
        if (actor.equals(call.callerId())) {
            throw DomainException.of(ErrorKind.FORBIDDEN, "not_a_callee",
                    "The caller cannot " + verb + " their own call; cancel it with /end");
        }
        if (!call.calleeIds().contains(actor)) {
            throw DomainException.of(ErrorKind.FORBIDDEN, "not_a_callee",
                    "You were not called: you joined the conversation after the call started");
        }
    }

    private static DomainException notInCall() {
        return DomainException.of(ErrorKind.FORBIDDEN, "not_in_call", "You are not in this call");
    }

    static DomainException ended(CallRow call) {
        return endedAs(call.id(), call.endReason() == null ? MISSED : call.endReason());
    }

    private static DomainException endedAs(UUID call, String reason) {
        return DomainException.of(ErrorKind.CONFLICT, "call_ended", "The call has ended (" + reason + ")",
                Map.of("call_id", call.toString(), "end_reason", reason));
    }
}
