package io.nova.kernel.paging;

import io.nova.kernel.errors.DomainException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An opaque page cursor: the sort key of the last item a page returned, base64url-encoded with a version prefix.
 * Clients pass it back unchanged; its content is ours to change, so nothing outside the kernel parses it.
 */
public final class Cursor {

    private static final String VERSION = "v1";
    private static final char SEPARATOR = '\u001f';

    private final List<String> parts;

    private Cursor(List<String> parts) {
        this.parts = List.copyOf(parts);
    }

    public static Cursor of(String... parts) {
        for (String part : parts) {
            if (part.indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException("cursor parts cannot contain the unit separator");
            }
        }
        return new Cursor(List.of(parts));
    }

    /** A cursor a client sent; anything we did not produce is a 400. */
    public static Cursor decode(String encoded) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        List<String> fields = split(text);
        if (fields.size() < 2 || !VERSION.equals(fields.get(0))) {
            throw invalid();
        }
        return new Cursor(fields.subList(1, fields.size()));
    }

    public String encode() {
        String text = VERSION + SEPARATOR + String.join(String.valueOf(SEPARATOR), parts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    public List<String> parts() {
        return parts;
    }

    /** The n-th part as a long; a cursor whose part is not a number was not produced by us. */
    public long longPart(int index) {
        try {
            return Long.parseLong(part(index));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    public String part(int index) {
        if (index >= parts.size()) {
            throw invalid();
        }
        return parts.get(index);
    }

    private static List<String> split(String text) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == SEPARATOR) {
                fields.add(text.substring(start, i));
                start = i + 1;
            }
        }
        return fields;
    }

    static DomainException invalid() {
        return DomainException.invalid("invalid_cursor", "The cursor is not one this API returned");
    }
}
