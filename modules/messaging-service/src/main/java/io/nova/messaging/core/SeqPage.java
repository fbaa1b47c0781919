package io.nova.messaging.core;

import io.nova.kernel.errors.DomainException;
import io.nova.kernel.paging.Cursor;
import io.nova.kernel.paging.PageRequest;

import java.util.Map;

/**
 * Which messages a page asks for, by seq: {@code before_seq} pages back (newest first), {@code after_seq} forward
 * (oldest first), neither the newest messages (newest first). A page's {@code next_cursor} goes on in the same
 * direction; a cursor stands in for both parameters, so it cannot come with either.
 *
 * @param forward true: {@code seq > from}, ascending; false: {@code seq < from}, descending
 */
public record SeqPage(boolean forward, long from, int limit) {

    private static final String BACKWARD = "b";
    private static final String FORWARD = "f";

    public static SeqPage of(String beforeSeq, String afterSeq, PageRequest page) {
        if (beforeSeq != null && afterSeq != null) {
            throw invalid("after_seq", "give before_seq or after_seq, not both");
        }
        if (page.cursor().isPresent()) {
            if (beforeSeq != null || afterSeq != null) {
                throw invalid(beforeSeq != null ? "before_seq" : "after_seq",
                        "a cursor already says where the page starts");
            }
            Cursor cursor = page.cursor().get();
            String direction = cursor.part(0);
            long from = cursor.longPart(1);
            if (!(direction.equals(FORWARD) || direction.equals(BACKWARD)) || from < 0) {
                throw DomainException.invalid("invalid_cursor", "The cursor is not one this API returned");
            }
            return new SeqPage(direction.equals(FORWARD), from, page.limit());
        }
        if (afterSeq != null) {
            return new SeqPage(true, seq("after_seq", afterSeq), page.limit());
        }
        return new SeqPage(false, beforeSeq == null ? Long.MAX_VALUE : seq("before_seq", beforeSeq), page.limit());
    }

    /** The cursor of the page after the one that ended at {@code lastSeq}. */
    public Cursor next(long lastSeq) {
        return Cursor.of(forward ? FORWARD : BACKWARD, Long.toString(lastSeq));
    }

    private static long seq(String parameter, String text) {
        try {
            long seq = Long.parseLong(text);
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // Refused below like a negative one.
        }
        throw invalid(parameter, parameter + " must be a seq (0 or more), not '" + text + "'");
    }

    private static DomainException invalid(String parameter, String message) {
        return DomainException.invalid("invalid_parameter", message, Map.of("parameter", parameter));
    }
}
