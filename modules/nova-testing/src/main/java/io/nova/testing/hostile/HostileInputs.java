package io.nova.testing.hostile;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.List;

/** The jqwik arbitrary of {@link HostileInput}s. */
public final class HostileInputs {

    /** Valid percent-escapes of things a path should never hold: NUL, separators, overlong and surrogate UTF-8. */
    private static final List<String> RAW_SEGMENTS = List.of("%00", "%2F", "%2e%2e", "%5C", "%0A", "%0D%0A",
            "%FF", "%C0%80", "%ED%A0%80", "%E2%80%AE", "a%00b", "..", ".", "%25", "%3B", "%3F");

    private HostileInputs() {
    }

    public static Arbitrary<HostileInput> any() {
        Arbitrary<String> pathValue = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(HostileInput.REAL)), Tuple.of(3, HostileValues.text()));
        Arbitrary<List<String>> pathValues = Arbitraries.frequencyOf(
                Tuple.of(5, pathValue.list().ofSize(3)),
                Tuple.of(1, Arbitraries.of(RAW_SEGMENTS).list().ofSize(3)));
        // Null: the parameter is left out, the body made of the route's known fields.
        Arbitrary<String> queryValue = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(HostileInput.REAL)), Tuple.of(4, HostileValues.text())).injectNull(0.3);
        Arbitrary<String> rawBody = Arbitraries.frequencyOf(
                Tuple.of(2, HostileValues.json(3)),
                Tuple.of(1, HostileValues.deep()),
                Tuple.of(1, HostileValues.malformed())).injectNull(0.6);
        Arbitrary<String> contentType = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just("application/json")),
                Tuple.of(1, Arbitraries.of("text/plain", "application/json; charset=utf-16", "application/xml",
                        "application/x-www-form-urlencoded", "*/*", "application/json; charset=nonsense", "")));
        Arbitrary<String> idempotencyKey = Arbitraries.strings().ascii().ofMinLength(1).ofMaxLength(300)
                .filter(HostileInputs::sendableHeader).injectNull(0.85);
        Arbitrary<String> token = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(HostileInput.VALID)), Tuple.of(1, Arbitraries.just(HostileInput.NONE)),
                Tuple.of(1, Arbitraries.of("x", "a.b.c", "eyJhbGciOiJub25lIn0.e30.", "Bearer")));
        Arbitrary<Boolean> flags = Arbitraries.of(true, false);
        Arbitrary<HostileInput> request = Combinators.combine(pathValues, queryValue.list().ofSize(4),
                rawBody, HostileValues.json(2).list().ofMinSize(1).ofMaxSize(6), contentType, idempotencyKey,
                token, flags.list().ofSize(3)).as((paths, queries, raw, fields, type, key, bearer, on) ->
                new HostileInput(paths, paths.stream().anyMatch(RAW_SEGMENTS::contains), queries, on.get(0), raw,
                        fields, on.get(1), on.get(2), type, key, bearer));
        return request;
    }

    /** What an HTTP client can put in a header value at all (no control characters). */
    static boolean sendableHeader(String value) {
        return value.chars().allMatch(c -> c >= 0x20 && c < 0x7F) && !value.isBlank();
    }
}
