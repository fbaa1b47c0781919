package io.nova.local;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The raw material of hostile requests: strings, numbers and ids that have broken parsers, queries and encoders
 * before. Everything is drawn from a caller's {@link Random}, so one seed gives the same requests every run.
 */
final class HostileValues {

    /** Text that is not what a field expects, or is exactly what an injection needs. */
    static final List<String> STRINGS = List.of(
            "", " ", "null", "undefined", "true", "0", "-1", "NaN", "Infinity", "[]", "{}",
            "' OR '1'='1", "'; DROP TABLE users; --", "\" OR 1=1 --", "1) UNION SELECT password FROM users --",
            "admin'--", "%' AND 1=1 AND '%'='", "\\", "\\\\'", "%", "_", "*", "?", "#", "&", ";",
            "{\"$gt\": \"\"}", "{\"a\":1}", "[1,2,3]", "${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "#{7*7}", "%s%s%s%n",
            "<script>alert(1)</script>", "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
            "../../../../etc/passwd", "..", "../", "..%2f..%2f", "%2e%2e%2f", "/", "//", "file:///etc/passwd",
            "http://169.254.169.254/latest/meta-data/", "\u0000", "a\u0000b", "\u0007bell", "\r\nX-Injected: 1",
            "\t", "\u007f", "\u202eevil\u202c", "\ufeff", "\u200b", "😀", "👍🏽", "🏳️‍🌈", "𝕳𝖊𝖑𝖑𝖔", "e\u0301\u0301\u0301",
            "Z̷̧̛̯̈a̸̖͐l̵̩̓g̶͔̈o̴̟͂", "你好世界", "مرحبا", "שלום", "İıß", "ＡＢＣ", "\uD800", "\uDFFF", "\uFFFF", "\uFFFE",
            "ann@example.com", "a@b", "@", "#hashtag", "@mention", "v=0", "v=", "Bearer x",
            "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "1-1-1-1-1",
            "9223372036854775808", "-9223372036854775809", "1e309", "0x7fffffff", "2147483648", "١٢٣");

    /** JSON number literals at and past every limit a parser or a column has. */
    static final List<String> NUMBERS = List.of(
            "0", "-0", "-1", "1", "100", "101", "2147483647", "2147483648", "-2147483649", "9223372036854775807",
            "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890", "1e308", "1e309",
            "-1e309", "1.5", "0.0000001", "1E-400", "4.9e-324", "1e2", "1E+2");

    /** A query parameter that should be a number. */
    static final List<String> INTEGER_TEXTS = List.of(
            "-1", "0", "1", "100", "101", "2147483647", "2147483648", "-2147483649", "9223372036854775808",
            "99999999999999999999999999", "abc", "1.5", "1e3", "", " 1", "0x10", "١٢", "NaN", "+5", "1,2", "null");

    private HostileValues() {
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A hostile string, sometimes a very long one. */
    static String string(Random random) {
        int roll = random.nextInt(20);
        if (roll == 0) {
            return repeat(pick(random, STRINGS), 1 + random.nextInt(300));
        }
        if (roll == 1) {
            return "x".repeat(random.nextInt(3) == 0 ? 70_000 : 1 + random.nextInt(6000));
        }
        if (roll == 2) {
            return randomUnicode(random, 1 + random.nextInt(64));
        }
        return pick(random, STRINGS);
    }

    /** An id that is not quite one, or is one of nobody's. */
    static String strangeId(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> new UUID(random.nextLong(), random.nextLong()).toString().toUpperCase();
            case 1 -> new UUID(random.nextLong(), random.nextLong()).toString().replace("-", "");
            case 2 -> "{" + new UUID(random.nextLong(), random.nextLong()) + "}";
            case 3 -> new UUID(random.nextLong(), random.nextLong()) + "0";
            case 4 -> new UUID(random.nextLong(), random.nextLong()).toString().substring(1);
            case 5 -> Long.toString(random.nextLong());
            case 6 -> "99999999999999999999999999999999999999";
            default -> string(random);
        };
    }

    /** A random id nobody has (drawn from the seed, not from the clock). */
    static String unknownId(Random random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    static String randomUnicode(Random random, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            int codePoint = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x80);
                case 1 -> 0x80 + random.nextInt(0x800 - 0x80);
                case 2 -> 0x800 + random.nextInt(0xD800 - 0x800);
                default -> 0x10000 + random.nextInt(0x10FFFF - 0x10000);
            };
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    /** Bytes that are not UTF-8: lone continuation bytes, overlong forms, a truncated sequence, 0xFF. */
    static byte[] invalidUtf8(Random random) {
        byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0x80}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80,
                (byte) 0x80}};
        return bad[random.nextInt(bad.length)];
    }

    static byte[] garbage(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(2048)];
        random.nextBytes(bytes);
        return bytes;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String repeat(String text, int times) {
        return text.repeat(Math.max(1, Math.min(times, 100_000 / Math.max(1, text.length()))));
    }

    /** Whether a URI takes {@code value} as it is (a loop, not a regex: values run to 70,000 characters). */
    private static boolean uriSafe(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length() || Character.digit(value.charAt(i + 1), 16) < 0
                        || Character.digit(value.charAt(i + 2), 16) < 0) {
                    return false;
                }
            } else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || "._~!$&'()*+,;=:@/-".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** Percent-encoded UTF-8, or now and then as it is when the URI allows it (so "../" reaches the server raw). */
    static String encode(String value, Random random) {
        if (random.nextInt(6) == 0 && uriSafe(value)) {
            return value;
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", (int) c));
            }
        }
        return encoded.toString();
    }
}
