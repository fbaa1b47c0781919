package io.nova.kernel.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How every Nova API reads and writes JSON: snake_case names; unknown fields, keys given twice and the control
 * characters {@link Text} forbids refused; and times as RFC 3339 UTC at the
 * precision PostgreSQL stores (microseconds), so a value read back prints the same. Views carry {@link Instant}s;
 * nothing formats a time by hand.
 */
public final class ApiJson {

    private ApiJson() {
    }

    /** Every rule at once, for a mapper that reads nothing but API bodies. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return namesAndFields(readAndWrite(mapper));
    }

    /**
     * The value rules: set before the mapper reads anything (Jackson keeps the deserializers it has built), and
     * harmless to the configuration files it reads first.
     */
    public static ObjectMapper readAndWrite(ObjectMapper mapper) {
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        // A key given twice is malformed input (400 malformed_json), never a silent last-wins or a binding failure.
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new SimpleModule("nova-api")
                .addSerializer(Instant.class, new Rfc3339())
                .addDeserializer(String.class, new TextDeserializers.Strings())
                .addDeserializer(JsonNode.class, new TextDeserializers.Nodes()));
        return mapper;
    }

    /** The naming rules: only once the configuration (camelCase, extensible) has been read. */
    public static ObjectMapper namesAndFields(ObjectMapper mapper) {
        mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        // A misspelt field is a client bug worth a 400, not a silently ignored value.
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return mapper;
    }

    /** RFC 3339 in UTC, truncated to microseconds. */
    public static String rfc3339(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).toString();
    }

    private static final class Rfc3339 extends StdSerializer<Instant> {

        Rfc3339() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(rfc3339(value));
        }
    }
}
