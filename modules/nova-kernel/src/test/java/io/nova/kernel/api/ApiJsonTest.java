package io.nova.kernel.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The API's JSON rules on a bare mapper: times, duplicate keys, control characters. */
class ApiJsonTest {

    /** Dropwizard's mapper, as a service has it (its modules included). */
    private final ObjectMapper json = ApiJson.configure(io.dropwizard.jackson.Jackson.newObjectMapper());

    record Note(String text, List<String> tags, Instant createdAt) {
    }

    @Test
    void timesAreRfc3339AtMicrosecondsAndNamesSnakeCase() throws Exception {
        Note note = new Note("a", List.of(), Instant.parse("2026-12-04T10:15:30.123456789Z"));
        assertThat(json.writeValueAsString(note))
                .contains("\"created_at\":\"2026-12-04T10:15:30.123456Z\"");
        assertThat(ApiJson.rfc3339(Instant.parse("2026-12-04T10:15:30Z"))).isEqualTo("2026-12-04T10:15:30Z");
    }

    @Test
    void aKeyGivenTwiceIsAParseError() {
        assertThatThrownBy(() -> json.readValue("{\"text\":\"a\",\"tags\":[],\"text\":\"b\"}", Note.class))
                .isInstanceOf(JsonParseException.class).hasMessageContaining("Duplicate field 'text'");
    }

    @Test
    void controlCharactersAreRefusedInFieldsListsAndDocuments() {
        assertThatThrownBy(() -> json.readValue("{\"text\":\"a\\u0000\",\"tags\":[]}", Note.class))
                .isInstanceOfSatisfying(ForbiddenCharacterException.class,
                        e -> assertThat(e.character()).isEqualTo('\u0000'));
        assertThatThrownBy(() -> json.readValue("{\"text\":\"a\",\"tags\":[\"\\u001b\"]}", Note.class))
                .isInstanceOf(ForbiddenCharacterException.class);
        assertThatThrownBy(() -> json.readValue("{\"a\":{\"b\":[\"\\u0000\"]}}", JsonNode.class))
                .isInstanceOf(ForbiddenCharacterException.class);
    }
}
