package io.nova.testing.hostile;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a hostile client puts where text, numbers and JSON go: control characters, lone surrogates, huge and odd
 * numbers, NaN-like strings, deep nesting, duplicate keys and documents that are not JSON at all. JSON is made as
 * raw text, so that what a serializer would never write (a key twice, {@code 1e999999}, a raw NUL) is sent.
 */
public final class HostileValues {

    /** Strings with a meaning somewhere: SQL, paths, escapes, number look-alikes, invisible and mirrored text. */
    private static final List<String> NOTABLE = List.of("", " ", "\t", "null", "true", "0", "-0", "-1", "1e309",
            "NaN", "-Infinity", "Infinity", "0x10", "' OR '1'='1", "\"; DROP TABLE posts; --", "../../etc/passwd",
            "%00", "%", "%zz", "\\", "\"", "/", "?", "&", "=", "#tag", "@someone", "{}", "[]", "\uFEFF", "\u202Eevil",
            "\u200B", "\uD83D\uDE00", "\uD800", "\uDFFF", "ＡＢＣ", "a\u0000b", "a\u001Fb", "a\u007Fb", "line\r\nbreak",
            "0b9c5a0e-4c4f-4a8e-9d43-2b7f3c1e8a10", "0B9C5A0E-4C4F-4A8E-9D43-2B7F3C1E8A10", "1-1-1-1-1",
            "00000000-0000-0000-0000-000000000000");

    /** Numbers as JSON text: beyond long, beyond double, negative zero, exponents, fractions where ints go. */
    private static final List<String> NUMBERS = List.of("0", "-0", "1", "-1", "2147483647", "2147483648",
            "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
            "123456789012345678901234567890123456789", "1.5", "-0.0", "1e2", "1E+2", "1e-7", "1e309", "-1e309",
            "1e999999", "4.9e-325", "0.1e1", "100000000000000000000000000000000000000000000000000e-50");

    /** Not JSON, or JSON no parser should take. */
    private static final List<String> MALFORMED = List.of("", " ", "{", "}", "[", "{\"a\":", "{\"a\" 1}",
            "{'a':1}", "{a:1}", "[1,2", "[1,]", "{\"a\":1,}", "{\"a\":01}", "{\"a\":NaN}", "{\"a\":Infinity}",
            "{\"a\":-}", "\"unterminated", "{\"a\":1}}", "{\"a\":1} trailing", "nul", "tru", "\u0000",
            "{\"a\":\"\u0000\"}", "{\"a\":\"raw\ncontrol\"}", "\uFEFF{}", "{\"\\uD800\":1}", "{\"a\":\"\\u12\"}",
            "/* comment */ {}", "{\"a\":1}\u0000");

    private HostileValues() {
    }

    /** Text for a path segment, a parameter or a JSON string. */
    public static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(NOTABLE)),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(24)),
                Tuple.of(2, Arbitraries.strings().withCharRange('\u0000', '\u001F').withChars('\u007F')
                        .ofMinLength(1).ofMaxLength(3).map(control -> "a" + control + "b")),
                Tuple.of(1, Arbitraries.strings().alpha().numeric().ofMinLength(256).ofMaxLength(4000)),
                Tuple.of(1, Arbitraries.integers().map(String::valueOf)),
                Tuple.of(1, Arbitraries.of(NUMBERS)));
    }

    /** Any JSON value as text, nested up to {@code depth}, objects possibly with a key twice. */
    public static Arbitrary<String> json(int depth) {
        if (depth == 0) {
            return leaf();
        }
        Arbitrary<String> inner = Arbitraries.lazy(() -> json(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(5, leaf()),
                Tuple.of(2, inner.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]")),
                Tuple.of(2, object(Arbitraries.strings().alpha().ofMaxLength(6).injectDuplicates(0.3), inner)));
    }

    /** A JSON object of {@code keys} and {@code values} as text; with duplicate keys when the keys repeat. */
    public static Arbitrary<String> object(Arbitrary<String> keys, Arbitrary<String> values) {
        return Combinators.combine(keys.list().ofMaxSize(5), values.list().ofSize(5)).as((names, items) -> {
            List<String> members = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                members.add(quote(names.get(i)) + ":" + items.get(i));
            }
            return "{" + String.join(",", members) + "}";
        });
    }

    /** Nesting past any parser's limit, as arrays or objects. */
    public static Arbitrary<String> deep() {
        return Arbitraries.integers().between(500, 3000).flatMap(levels -> Arbitraries.of(
                "[".repeat(levels) + "]".repeat(levels),
                "{\"a\":".repeat(levels) + "1" + "}".repeat(levels)));
    }

    public static Arbitrary<String> malformed() {
        return Arbitraries.of(MALFORMED);
    }

    /** A JSON value of no particular shape: strings (escaped, NaN-like), numbers, literals. */
    public static Arbitrary<String> leaf() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, text().map(HostileValues::quote)),
                Tuple.of(3, Arbitraries.of(NUMBERS)),
                Tuple.of(1, Arbitraries.of("true", "false", "null", "\"NaN\"", "\"Infinity\"", "\"-1e999\"")));
    }

    /** A JSON string literal; control characters, quotes and backslashes escaped as \\uXXXX. */
    public static String quote(String text) {
        return text.chars().mapToObj(c -> c < 0x20 || c == '"' || c == '\\' || c == 0x7F
                ? String.format("\\u%04x", c) : String.valueOf((char) c))
                .collect(Collectors.joining("", "\"", "\""));
    }
}
