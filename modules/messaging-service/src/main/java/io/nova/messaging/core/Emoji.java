package io.nova.messaging.core;

import io.nova.kernel.errors.DomainException;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * A reaction's emoji: exactly one emoji grapheme, made of code points from the emoji blocks — a pictograph with an
 * optional variation selector and skin tone, joined to others by zero-width joiners (👨‍👩‍👧), a flag (two regional
 * indicators, or 🏴 with tag letters), or a keycap (1️⃣). Letters, digits, text and several emojis are refused.
 *
 * <p>The same emoji typed with or without its emoji variation selector (❤ and ❤️, 👍 and 👍️) is one reaction: a
 * single pictograph is stored with U+FE0F when it lives in the Basic Multilingual Plane (where it may otherwise show
 * as text) and without it elsewhere; a keycap always with it. Sequences are kept exactly as sent.
 */
public final class Emoji {

    static final int MAX_CODE_POINTS = 16;
    private static final int VS16 = 0xFE0F;
    private static final int ZWJ = 0x200D;
    private static final int KEYCAP = 0x20E3;
    private static final int BLACK_FLAG = 0x1F3F4;
    private static final int CANCEL_TAG = 0xE007F;
    private static final Pattern ONE_GRAPHEME = Pattern.compile("\\X");

    private Emoji() {
    }

    /** The emoji as stored and shown; anything else is a 400 {@code invalid_emoji}. */
    public static String parse(String text) {
        if (text == null || text.isEmpty() || text.codePointCount(0, text.length()) > MAX_CODE_POINTS
                || !ONE_GRAPHEME.matcher(text).matches()) {
            throw invalid(text);
        }
        int[] points = text.codePoints().toArray();
        String keycap = keycap(points);
        if (keycap != null) {
            return keycap;
        }
        if (points.length == 2 && regionalIndicator(points[0]) && regionalIndicator(points[1])) {
            return text;
        }
        if (!pictograph(points[0])) {
            throw invalid(text);
        }
        for (int i = 1; i < points.length; i++) {
            int point = points[i];
            boolean allowed = point == VS16 || skinTone(point)
                    || (point == ZWJ && i + 1 < points.length && pictograph(points[i + 1]))
                    || (pictograph(point) && points[i - 1] == ZWJ)
                    || (tag(point) && points[0] == BLACK_FLAG);
            if (!allowed) {
                throw invalid(text);
            }
        }
        if (points.length == 1 || (points.length == 2 && points[1] == VS16)) {
            return points[0] < 0x10000 ? new String(new int[]{points[0], VS16}, 0, 2)
                    : new String(points, 0, 1);
        }
        return text;
    }

    /** {@code 0-9 # *}, an optional U+FE0F, U+20E3; stored with the selector. Null when it is no keycap. */
    private static String keycap(int[] points) {
        boolean base = points.length >= 2 && (Character.isDigit(points[0]) && points[0] < 0x80
                || points[0] == '#' || points[0] == '*');
        if (base && points[points.length - 1] == KEYCAP
                && (points.length == 2 || (points.length == 3 && points[1] == VS16))) {
            return new String(new int[]{points[0], VS16, KEYCAP}, 0, 3);
        }
        return null;
    }

    /** A code point that is an emoji on its own: the pictograph blocks and the few symbols emoji keyboards offer. */
    static boolean pictograph(int point) {
        return in(point, 0x1F300, 0x1F64F) && !skinTone(point)
                || in(point, 0x1F680, 0x1F6FF) || in(point, 0x1F7E0, 0x1F7FF)
                || in(point, 0x1F900, 0x1F9FF) || in(point, 0x1FA70, 0x1FAFF)
                || point == 0x1F004 || point == 0x1F0CF || in(point, 0x1F170, 0x1F19A) || in(point, 0x1F201, 0x1F251)
                || in(point, 0x2600, 0x27BF) || in(point, 0x2190, 0x21FF) || in(point, 0x2300, 0x23FF)
                || in(point, 0x25A0, 0x25FF) || in(point, 0x2B00, 0x2BFF) || in(point, 0x2934, 0x2935)
                || point == 0x00A9 || point == 0x00AE || point == 0x203C || point == 0x2049 || point == 0x2122
                || point == 0x2139 || point == 0x24C2 || point == 0x3030 || point == 0x303D || point == 0x3297
                || point == 0x3299;
    }

    private static boolean skinTone(int point) {
        return in(point, 0x1F3FB, 0x1F3FF);
    }

    private static boolean regionalIndicator(int point) {
        return in(point, 0x1F1E6, 0x1F1FF);
    }

    /** Tag letters, digits and the cancel tag: subdivision flags (🏴 + "gbsct" + cancel). */
    private static boolean tag(int point) {
        return in(point, 0xE0030, 0xE0039) || in(point, 0xE0061, 0xE007A) || point == CANCEL_TAG;
    }

    private static boolean in(int point, int first, int last) {
        return point >= first && point <= last;
    }

    private static DomainException invalid(String text) {
        return DomainException.invalid("invalid_emoji", "A reaction is one emoji, such as 👍 or ❤️",
                Map.of("emoji", String.valueOf(text)));
    }
}
