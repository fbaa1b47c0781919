package io.nova.kernel.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * A string in a request body with a character {@link Text} forbids. Jackson adds the path of the field it was in,
 * and the error mapper answers 400 {@code invalid_field} naming that field and the character.
 */
public final class ForbiddenCharacterException extends InvalidFormatException {

    private final char character;

    ForbiddenCharacterException(JsonParser parser, String value, int index) {
        super(parser, "contains the control character " + Text.codePoint(value.charAt(index)), value, String.class);
        this.character = value.charAt(index);
    }

    public char character() {
        return character;
    }
}
