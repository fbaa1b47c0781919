package io.nova.messaging.core;

import io.nova.messaging.db.CallRow;
import io.nova.messaging.db.CallStore;
import org.jdbi.v3.core.Jdbi;

import java.util.List;

/**
 * Ends ringing calls whose deadline has passed as missed, with their {@code call.ended} (reason missed) in the same
 * transaction. Driven by the database, not by a timer per call: every replica sweeps, {@code SKIP LOCKED} shares
 * the due calls among them, and a call that was due while no replica ran is ended by the first sweep after.
 */
public final class MissedCalls {

    /** Calls ended per transaction: short transactions, few locks held at once. */
    static final int BATCH = 100;

    private final Jdbi jdbi;
    private final CallStore calls;
    private final CallNews news;

    public MissedCalls(Jdbi jdbi, CallStore calls, CallNews news) {
        this.jdbi = jdbi;
        this.calls = calls;
        this.news = news;
    }

    /** Ends every call due now; returns how many. */
    public int sweep() {
        int total = 0;
        int ended;
        do {
            ended = jdbi.inTransaction(handle -> {
                List<CallRow> due = calls.lockRingingDue(handle, BATCH);
                for (CallRow call : due) {
                    news.ended(handle, calls.end(handle, call.id(), CallRules.MISSED, null));
                }
                return due.size();
            });
            total += ended;
        } while (ended == BATCH);
        return total;
    }
}
