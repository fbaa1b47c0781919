package io.nova.messaging.core;

import io.nova.kernel.errors.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmojiTest {

    @Test
    void singleEmojisOfEveryKindAreAccepted() {
        for (String emoji : new String[]{"👍", "😂", "🫠", "👍🏽", "👨‍👩‍👧‍👦", "❤️‍🔥", "🧑🏿‍🚀", "🇯🇵", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "✅",
                "⭐️", "☕️", "1️⃣", "#️⃣"}) {
            assertThat(Emoji.parse(emoji)).as(emoji).isNotEmpty();
        }
    }

    @Test
    void variantsOfOneEmojiAreStoredAlike() {
        assertThat(Emoji.parse("❤")).isEqualTo(Emoji.parse("❤️")).isEqualTo("❤️");
        assertThat(Emoji.parse("👍️")).isEqualTo(Emoji.parse("👍")).isEqualTo("👍");
        assertThat(Emoji.parse("1⃣")).isEqualTo("1️⃣");
        assertThat(Emoji.parse("👨‍👩‍👧")).isEqualTo("👨‍👩‍👧");
    }

    @Test
    void anythingButOneEmojiIsRefused() {
        for (String text : new String[]{"", "a", "ok", "1", "#", "👍👍", "👍 ", " 👍", "🏽", "\u200D", "👍\u200D",
                "\uFE0F", "é", "中", "🇯", "©a", "→→", "🇯🇵🇯🇵"}) {
            assertThatThrownBy(() -> Emoji.parse(text)).as(text).isInstanceOfSatisfying(DomainException.class,
                    e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo("invalid_emoji");
                    });
        }
        assertThatThrownBy(() -> Emoji.parse(null)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Emoji.parse("👨‍👩‍👧‍👦‍👨‍👩‍👧‍👦‍👨‍👩‍👧")).as("more than 16 code points")
                .isInstanceOf(DomainException.class);
    }
}
