package io.nova.embedded;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns arbitrary labels (a test class name) into names every server accepts, and checks names before they are
 * put into SQL. PostgreSQL identifiers, S3 bucket names and Kafka topic names have different rules; the common
 * ground is lower-case letters, digits and one separator.
 */
public final class ResourceNames {

    private static final Pattern DATABASE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");

    private ResourceNames() {
    }

    /** A database name made from {@code label}, unique per call. */
    public static String uniqueDatabase(String label) {
        return truncate(slug(label, '_'), 40) + "_" + suffix();
    }

    /** A bucket name made from {@code label}, unique per call. */
    public static String uniqueBucket(String label) {
        return truncate(slug(label, '-'), 40) + "-" + suffix();
    }

    /** A topic name prefix made from {@code label}, unique per call; topics are {@code prefix + name}. */
    public static String uniqueTopicPrefix(String label) {
        return truncate(slug(label, '-'), 60) + "-" + suffix() + ".";
    }

    static String requireDatabase(String name) {
        if (!DATABASE.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain PostgreSQL database name: " + name);
        }
        return name;
    }

    static String requireBucket(String name) {
        if (!BUCKET.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain S3 bucket name: " + name);
        }
        return name;
    }

    private static String slug(String label, char separator) {
        String lower = label.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (char c : lower.toCharArray()) {
            boolean plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (plain) {
                out.append(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != separator) {
                out.append(separator);
            }
        }
        // Both a database and a bucket name must start with a letter here; "t" keeps it short.
        if (out.length() == 0 || !Character.isLetter(out.charAt(0))) {
            out.insert(0, "t" + separator);
        }
        return out.toString();
    }

    private static String truncate(String value, int max) {
        String cut = value.length() <= max ? value : value.substring(0, max);
        while (cut.endsWith("_") || cut.endsWith("-")) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }
}
