package io.nova.content.core;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code @username} mentions and {@code #tag} hashtags in a post's text. A marker counts only at the start of
 * a word ("me@example.com" mentions nobody); usernames follow user-service's rule (3–30 letters, digits,
 * underscores); tags are letters, digits and underscores starting with a letter, stored lower-cased.
 */
public final class PostText {

    static final int MAX_MENTIONS = 20;
    static final int MAX_HASHTAGS = 30;
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_@#])@([A-Za-z0-9_]{3,30})(?![A-Za-z0-9_])");
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_@#&])#(\\p{L}[\\p{L}\\p{N}_]{0,99})");

    private PostText() {
    }

    /** The mentioned usernames, lower-cased, in order of appearance, at most 20. */
    public static Set<String> mentions(String text) {
        return collect(MENTION.matcher(text == null ? "" : text), MAX_MENTIONS);
    }

    /** The hashtags without '#', lower-cased, in order of appearance, at most 30. */
    public static Set<String> hashtags(String text) {
        return collect(HASHTAG.matcher(text == null ? "" : text), MAX_HASHTAGS);
    }

    /** Characters as people count them (an emoji is one), not UTF-16 units. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static Set<String> collect(Matcher matcher, int max) {
        Set<String> found = new LinkedHashSet<>();
        while (matcher.find() && found.size() < max) {
            found.add(matcher.group(1).toLowerCase(Locale.ROOT));
        }
        return found;
    }
}
