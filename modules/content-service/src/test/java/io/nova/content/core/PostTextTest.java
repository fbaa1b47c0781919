package io.nova.content.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostTextTest {

    @Test
    void mentionsAreWordStartingUsernamesLowerCasedOnce() {
        assertThat(PostText.mentions("@Ann hi @bob_2, @ann again; mail me@example.com (@cy) @x"))
                .containsExactly("ann", "bob_2");
        assertThat(PostText.mentions("@" + "a".repeat(31))).isEmpty();
        assertThat(PostText.mentions("@abc.def")).containsExactly("abc");
        assertThat(PostText.mentions(null)).isEmpty();
    }

    @Test
    void hashtagsStartWithALetterAndAreLowerCased() {
        assertThat(PostText.hashtags("#Nova #nova #2024 #café_au_lait a#b &#39; #x1"))
                .containsExactly("nova", "café_au_lait", "x1");
    }

    @Test
    void atMostTwentyMentionsAndThirtyHashtags() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            text.append(" @user").append(i).append(" #tag").append(i);
        }
        assertThat(PostText.mentions(text.toString())).hasSize(20);
        assertThat(PostText.hashtags(text.toString())).hasSize(30);
    }

    @Test
    void lengthCountsCodePoints() {
        assertThat(PostText.length("\uD83D\uDE00a")).isEqualTo(2);
    }
}
