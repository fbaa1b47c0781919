package io.nova.kernel.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
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
 * How every Nova API writes JSON: snake_case names, unknown fields refused, and times as RFC 3339 UTC at the
 * precision PostgreSQL stores (microseconds), so a value read back prints the same. Views carry {@link Instant}s;
 * nothing formats a time by hand.
 */
public final class ApiJson {

    private ApiJson() {
    }

    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        // A misspelt field is a client bug worth a 400, not a silently ignored value.
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.registerModule(new SimpleModule("nova-time").addSerializer(Instant.class, new Rfc3339()));
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
