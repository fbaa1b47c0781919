package io.nova.kernel.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Request bodies refuse the characters {@link Text} forbids, in every string a body can carry: bound fields and
 * list elements (the String deserializer) and free-form documents such as merge patches (the JsonNode one). The
 * refusal is a {@link ForbiddenCharacterException} carrying the field's path, which the error mapper names.
 */
final class TextDeserializers {

    private TextDeserializers() {
    }

    static final class Strings extends StdScalarDeserializer<String> {

        Strings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            return checked(parser, value);
        }
    }

    static final class Nodes extends com.fasterxml.jackson.databind.JsonDeserializer<JsonNode> {

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = JsonNodeDeserializer.getDeserializer(JsonNode.class).deserialize(parser, context);
            check(parser, node);
            return node;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext context) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }

        private static void check(JsonParser parser, JsonNode node) throws IOException {
            if (node.isTextual()) {
                checked(parser, node.textValue());
            } else if (node.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    try {
                        checked(parser, field.getKey());
                        check(parser, field.getValue());
                    } catch (ForbiddenCharacterException e) {
                        e.prependPath(node, field.getKey());
                        throw e;
                    }
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    try {
                        check(parser, node.get(i));
                    } catch (ForbiddenCharacterException e) {
                        e.prependPath(node, i);
                        throw e;
                    }
                }
            }
        }
    }

    static String checked(JsonParser parser, String value) throws ForbiddenCharacterException {
        if (value != null) {
            int at = Text.firstForbidden(value);
            if (at >= 0) {
                throw new ForbiddenCharacterException(parser, value, at);
            }
        }
        return value;
    }
}
