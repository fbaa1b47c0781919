package io.nova.kernel.api;

/**
 * What text Nova accepts in request bodies and parameters: any Unicode except the C0 control characters other than
 * tab, line feed and carriage return, and DEL. PostgreSQL cannot store U+0000 at all, and the other controls are
 * never meant in a name, a post or a message; refusing them at the door (400 naming the field) keeps them from
 * ever reaching a query.
 */
public final class Text {

    private Text() {
    }

    /** The index of the first character Nova refuses, or -1. */
    public static int firstForbidden(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (forbidden(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    public static boolean forbidden(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
    }

    /** {@code U+0000}, as messages name a refused character. */
    public static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
