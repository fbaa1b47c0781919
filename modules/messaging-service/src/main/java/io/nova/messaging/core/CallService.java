package io.nova.messaging.core;

import io.nova.kernel.api.Ids;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.ErrorKind;
import io.nova.messaging.api.AnswerCallRequest;
import io.nova.messaging.api.CallView;
import io.nova.messaging.api.CandidatesRequest;
import io.nova.messaging.api.StartCallRequest;
import io.nova.messaging.db.CallRow;
import io.nova.messaging.db.CallStore;
import io.nova.messaging.db.ConversationStore;
import io.nova.messaging.db.MemberStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Starting calls and changing their state, each change with its events in one transaction. A start takes a key
 * share of the conversation (membership cannot change under it), rings the other members and relies on the
 * one-live-call index for glare: of two starts at once, the second is refused with the live call's id. A state
 * change locks the call row, so answers, rejections, ends and the ring-timeout sweep on any replica follow one
 * another, and applies {@link CallRules}.
 */
public final class CallService {

    /** A start that conflicted with a call that ended before we could read it tries again, this often. */
    private static final int START_ATTEMPTS = 3;

    private final Jdbi jdbi;
    private final CallStore calls;
    private final MemberStore members;
    private final Access access;
    private final CallNews news;
    private final Duration ringTimeout;

    public CallService(Jdbi jdbi, CallStore calls, MemberStore members, Access access, CallNews news,
                       Duration ringTimeout) {
        this.jdbi = jdbi;
        this.calls = calls;
        this.members = members;
        this.access = access;
        this.news = news;
        this.ringTimeout = ringTimeout;
    }

    public CallView start(NovaPrincipal principal, StartCallRequest request) {
        UUID caller = principal.id();
        CallDraft draft = CallDraft.of(request);
        String asked = draft.conversation().toString();
        // Blocks are checked in user-service, outside the transaction (no remote call while holding locks).
        access.requireOpen(jdbi.withHandle(handle -> access.member(handle, draft.conversation(), caller, asked)));
        UUID id = UUID.randomUUID();
        CallRow call = jdbi.inTransaction(handle -> {
            access.member(handle, draft.conversation(), caller, asked, ConversationStore.Lock.STABLE_MEMBERS);
            List<UUID> callees = members.recipients(handle, draft.conversation()).stream()
                    .filter(member -> !member.equals(caller)).toList();
            if (callees.isEmpty()) {
                throw DomainException.unprocessable("nobody_to_call", "You are the only member of this conversation");
            }
            for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
                Optional<CallRow> started = calls.insertRinging(handle, id, draft.conversation(), caller, callees,
                        draft.kind(), draft.sdp(), ringTimeout);
                if (started.isPresent()) {
                    news.started(handle, started.get());
                    return started.get();
                }
                Optional<CallRow> live = calls.live(handle, draft.conversation());
                if (live.isPresent()) {
                    refuseUnlessOver(handle, live.get().id());
                }
            }
            throw DomainException.conflict("call_in_progress", "Calls in this conversation keep starting; retry");
        });
        return CallViews.view(call, caller);
    }

    public CallView answer(UUID caller, String callId, AnswerCallRequest request) {
        String sdp = CallDraft.sdp(request.sdp());
        return act(caller, callId, CallRules.Action.ANSWER, sdp);
    }

    public CallView reject(UUID caller, String callId) {
        return act(caller, callId, CallRules.Action.REJECT, null);
    }

    public CallView end(UUID caller, String callId) {
        return act(caller, callId, CallRules.Action.END, null);
    }

    /** Relays a batch of candidates to the other party ({@link CallRules#candidateRecipients}). */
    public void candidates(UUID caller, String callId, CandidatesRequest request) {
        CandidateBatch batch = CandidateBatch.of(request);
        UUID id = Ids.inPath("Call", callId);
        jdbi.useTransaction(handle -> {
            CallRow call = visible(handle, id, caller, callId);
            List<UUID> to = CallRules.candidateRecipients(call, caller, calls.now(handle));
            news.candidates(handle, call, caller, to, batch);
        });
    }

    private CallView act(UUID caller, String callId, CallRules.Action action, String sdp) {
        UUID id = Ids.inPath("Call", callId);
        record Acted(CallRow call, DomainException refusal) {
        }
        Acted acted = jdbi.inTransaction(handle -> {
            CallRow seen = visible(handle, id, caller, callId);
            memberUnderLock(handle, seen.conversationId(), caller, callId);
            CallRow call = calls.lock(handle, id).orElseThrow();
            CallRules.Step step = CallRules.decide(call, caller, action, calls.now(handle));
            return new Acted(apply(handle, call, step, caller, sdp), step.refusal());
        });
        if (acted.refusal() != null) {
            // What the step wrote (a late answer ending the call as missed) is committed; the action is refused.
            throw acted.refusal();
        }
        return CallViews.view(acted.call(), caller);
    }

    private CallRow apply(Handle handle, CallRow call, CallRules.Step step, UUID caller, String sdp) {
        return switch (step.change()) {
            case ANSWER -> {
                CallRow answered = calls.answer(handle, call.id(), caller, sdp);
                news.answered(handle, answered);
                yield answered;
            }
            case DECLINE -> calls.decline(handle, call.id(), caller);
            case END -> {
                UUID by = CallRules.MISSED.equals(step.reason()) ? null : caller;
                CallRow ended = calls.end(handle, call.id(), step.reason(), by);
                news.ended(handle, ended);
                yield ended;
            }
            case NOTHING -> call;
        };
    }

    /**
     * The glare rule: a start in a conversation with a live call is refused, naming that call. A call that rang out
     * and was not swept yet is ended as missed here instead, and one that ended meanwhile is no obstacle: the start
     * tries again.
     */
    private void refuseUnlessOver(Handle handle, UUID live) {
        CallRow call = calls.lock(handle, live).orElseThrow();
        if (CallRules.ringOver(call, calls.now(handle))) {
            news.ended(handle, calls.end(handle, call.id(), CallRules.MISSED, null));
        } else if (!CallRow.ENDED.equals(call.state())) {
            throw inProgress(call);
        }
    }

    /** A call in a conversation the caller is a member of; 404 for anyone else, as if it did not exist. */
    CallRow visible(Handle handle, UUID id, UUID caller, String asked) {
        CallRow call = calls.find(handle, id).orElseThrow(() -> DomainException.notFound("Call", asked));
        try {
            access.member(handle, call.conversationId(), caller, asked);
        } catch (DomainException notMember) {
            throw DomainException.notFound("Call", asked);
        }
        return call;
    }

    /** The membership again under the conversation's key-share lock: a member removed meanwhile is refused. */
    private void memberUnderLock(Handle handle, UUID conversation, UUID caller, String asked) {
        try {
            access.member(handle, conversation, caller, asked, ConversationStore.Lock.STABLE_MEMBERS);
        } catch (DomainException notMember) {
            throw DomainException.notFound("Call", asked);
        }
    }

    private static DomainException inProgress(CallRow live) {
        return DomainException.of(ErrorKind.CONFLICT, "call_in_progress",
                "This conversation already has a live call; answer it or wait for it to end",
                Map.of("call_id", live.id().toString(), "state", live.state(),
                        "caller_id", live.callerId().toString()));
    }
}
