package io.nova.messaging.core;

import io.nova.kernel.api.Ids;
import io.nova.kernel.paging.Keyset;
import io.nova.kernel.paging.Page;
import io.nova.kernel.paging.PageRequest;
import io.nova.messaging.api.CallView;
import io.nova.messaging.db.CallRow;
import io.nova.messaging.db.CallStore;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reading calls: one call, for any current member of its conversation; and one's call history — the calls one was
 * a party to, in conversations one is still a member of — newest first, keyset-paged by (start, id).
 */
public final class CallHistory {

    private final Jdbi jdbi;
    private final CallStore calls;
    private final CallService service;

    public CallHistory(Jdbi jdbi, CallStore calls, CallService service) {
        this.jdbi = jdbi;
        this.calls = calls;
        this.service = service;
    }

    public CallView get(UUID caller, String callId) {
        UUID id = Ids.inPath("Call", callId);
        return CallViews.view(jdbi.inTransaction(handle -> service.visible(handle, id, caller, callId)), caller);
    }

    public Page<CallView> list(UUID caller, PageRequest page) {
        Optional<Keyset> after = page.cursor().map(Keyset::of);
        List<CallRow> rows = jdbi.inTransaction(handle -> calls.history(handle, caller, after, page.fetchSize()));
        return Page.from(rows, page, row -> new Keyset(row.startedAt(), row.id()).cursor())
                .map(row -> CallViews.view(row, caller));
    }
}
