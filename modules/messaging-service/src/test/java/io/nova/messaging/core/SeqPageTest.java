package io.nova.messaging.core;

import io.nova.kernel.errors.DomainException;
import io.nova.kernel.paging.Cursor;
import io.nova.kernel.paging.PageRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeqPageTest {

    private static final PageRequest TWENTY = PageRequest.of(null, null);

    @Test
    void withoutParametersThePageStartsAtTheNewest() {
        SeqPage page = SeqPage.of(null, null, TWENTY);
        assertThat(page.forward()).isFalse();
        assertThat(page.from()).isEqualTo(Long.MAX_VALUE);
        assertThat(page.limit()).isEqualTo(20);
    }

    @Test
    void beforeGoesBackAfterGoesForwardAndTheCursorCarriesOn() {
        SeqPage back = SeqPage.of("10", null, TWENTY);
        assertThat(back.forward()).isFalse();
        assertThat(back.from()).isEqualTo(10);
        SeqPage forth = SeqPage.of(null, "0", PageRequest.of(500, null));
        assertThat(forth.forward()).isTrue();
        assertThat(forth.limit()).isEqualTo(100);
        String next = forth.next(42).encode();
        SeqPage resumed = SeqPage.of(null, null, PageRequest.of(5, next));
        assertThat(resumed.forward()).isTrue();
        assertThat(resumed.from()).isEqualTo(42);
        assertThat(SeqPage.of(null, null, PageRequest.of(5, back.next(7).encode())).forward()).isFalse();
    }

    @Test
    void badParametersAreNamed() {
        for (String[] bad : new String[][]{{"1", "2"}, {"-1", null}, {null, "x"}, {"1.5", null}, {"", null}}) {
            assertThatThrownBy(() -> SeqPage.of(bad[0], bad[1], TWENTY)).isInstanceOfSatisfying(
                    DomainException.class, e -> {
                        assertThat(e.code()).isEqualTo("invalid_parameter");
                        assertThat(e.details()).containsKey("parameter");
                    });
        }
        String cursor = SeqPage.of(null, "3", TWENTY).next(5).encode();
        assertThatThrownBy(() -> SeqPage.of("9", null, PageRequest.of(5, cursor)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("invalid_parameter"));
        String foreign = Cursor.of("x", "5").encode();
        assertThatThrownBy(() -> SeqPage.of(null, null, PageRequest.of(5, foreign)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("invalid_cursor"));
        String word = Cursor.of("f", "five").encode();
        assertThatThrownBy(() -> SeqPage.of(null, null, PageRequest.of(5, word)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("invalid_cursor"));
    }
}
