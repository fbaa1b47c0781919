package io.nova.messaging.core.notifications;

import io.nova.kernel.errors.DomainException;
import io.nova.kernel.paging.Cursor;
import io.nova.kernel.paging.Keyset;
import io.nova.kernel.paging.Page;
import io.nova.kernel.paging.PageRequest;
import io.nova.messaging.api.NotificationView;
import io.nova.messaging.api.NotificationsMarker;
import io.nova.messaging.api.NotificationsReadRequest;
import io.nova.messaging.db.NotificationRow;
import io.nova.messaging.db.NotificationStore;
import org.jdbi.v3.core.Jdbi;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the notifications routes answer. Every method takes the caller and reads only the caller's rows: there is
 * no way to name someone else's notifications.
 */
public final class NotificationQueries {

    /** Far beyond any latest_at, well within what PostgreSQL stores. */
    private static final Instant LATEST_POSITION = Instant.parse("9999-01-01T00:00:00Z");

    private final Jdbi jdbi;
    private final NotificationStore store;

    public NotificationQueries(Jdbi jdbi, NotificationStore store) {
        this.jdbi = jdbi;
        this.store = store;
    }

    /** Newest {@code latest_at} first. */
    public Page<NotificationView> list(UUID caller, PageRequest page) {
        Optional<Keyset> after = page.cursor().map(NotificationQueries::position);
        var rows = jdbi.withHandle(handle -> store.list(handle, caller, after, page.fetchSize()));
        return Page.from(rows, page, (NotificationRow row) -> new Keyset(row.latestAt(), row.id()).cursor())
                .map(NotificationViews::view);
    }

    /**
     * The position a cursor names. Only times PostgreSQL can hold are positions we issued; anything else (a forged
     * cursor whose time overflows) is the kernel's 400 {@code invalid_cursor}, never a database error.
     */
    private static Keyset position(Cursor cursor) {
        try {
            Keyset position = Keyset.of(cursor);
            if (position.at().isBefore(Instant.EPOCH) || position.at().isAfter(LATEST_POSITION)) {
                throw new DateTimeException("out of range");
            }
            return position;
        } catch (DateTimeException | ArithmeticException e) {
            throw DomainException.invalid("invalid_cursor", "The cursor is not one this API returned");
        }
    }

    public NotificationsMarker unread(UUID caller) {
        return jdbi.inTransaction(handle -> new NotificationsMarker(store.marker(handle, caller).orElse(null),
                store.unread(handle, caller)));
    }

    /** Raises the marker (never lowers it) and answers where it is now and what is still unread after it. */
    public NotificationsMarker read(UUID caller, NotificationsReadRequest request) {
        Instant upTo = upTo(request.upTo());
        return jdbi.inTransaction(handle -> {
            store.raiseMarker(handle, caller, upTo);
            return new NotificationsMarker(store.marker(handle, caller).orElse(null), store.unread(handle, caller));
        });
    }

    /**
     * The time asked for, kept within what can be meant: not after now (the store caps it again with the
     * database's clock), not before the epoch (and so always within what PostgreSQL stores).
     */
    private static Instant upTo(String text) {
        if (text == null) {
            throw invalid("is required: an RFC 3339 time");
        }
        Instant asked;
        try {
            asked = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid("must be an RFC 3339 time such as \"2026-01-31T12:00:00Z\"");
        }
        Instant now = Instant.now();
        return asked.isAfter(now) ? now : asked.isBefore(Instant.EPOCH) ? Instant.EPOCH : asked;
    }

    private static DomainException invalid(String problem) {
        return DomainException.invalid("validation_failed", "up_to " + problem,
                Map.of("fields", Map.of("up_to", problem)));
    }
}
