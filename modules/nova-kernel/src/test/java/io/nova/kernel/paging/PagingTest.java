package io.nova.kernel.paging;

import io.nova.kernel.errors.DomainException;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingTest {

    @Test
    void limitDefaultsAndClamps() {
        assertThat(PageRequest.of(null, null).limit()).isEqualTo(20);
        assertThat(PageRequest.of(0, null).limit()).isEqualTo(1);
        assertThat(PageRequest.of(-5, null).limit()).isEqualTo(1);
        assertThat(PageRequest.of(1000, null).limit()).isEqualTo(100);
        assertThat(PageRequest.of(37, "").cursor()).isEmpty();
    }

    @Test
    void cursorsRoundTrip() {
        Cursor cursor = Cursor.of("1700000000000", "post-9");
        Cursor decoded = Cursor.decode(cursor.encode());
        assertThat(decoded.parts()).containsExactly("1700000000000", "post-9");
        assertThat(decoded.longPart(0)).isEqualTo(1_700_000_000_000L);
        assertThat(cursor.encode()).doesNotContain("post-9");
    }

    @Test
    void foreignCursorsAre400() {
        for (String bad : List.of("%%%", "bm90LW91cnM", Base64.getUrlEncoder().encodeToString("v2\u001fx".getBytes()))) {
            assertThatThrownBy(() -> Cursor.decode(bad))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo("invalid_cursor");
                    });
        }
        Cursor text = Cursor.decode(Cursor.of("abc").encode());
        assertThatThrownBy(() -> text.longPart(0)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> text.part(3)).isInstanceOf(DomainException.class);
    }

    @Test
    void aKeysetCursorWithATimeNoRowCanHaveIs400() {
        String id = java.util.UUID.randomUUID().toString();
        for (String micros : new String[] {"-300000000000000000", "300000000000000000", "-9223372036854775808"}) {
            assertThatThrownBy(() -> Keyset.of(Cursor.of(micros, id)))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("invalid_cursor"));
        }
        java.time.Instant now = java.time.Instant.parse("2026-12-07T10:00:00.123456Z");
        org.assertj.core.api.Assertions.assertThat(Keyset.of(new Keyset(now, java.util.UUID.fromString(id)).cursor()).at())
                .isEqualTo(now);
    }

    @Test
    void aPageKnowsWhetherMoreFollow() {
        PageRequest request = PageRequest.of(3, null);
        List<Integer> fetched = IntStream.range(0, request.fetchSize()).boxed().toList();
        Page<Integer> page = Page.from(fetched, request, last -> Cursor.of(Integer.toString(last)));
        assertThat(page.items()).containsExactly(0, 1, 2);
        assertThat(Cursor.decode(page.nextCursor()).part(0)).isEqualTo("2");

        Page<Integer> last = Page.from(List.of(7, 8), request, n -> Cursor.of(Integer.toString(n)));
        assertThat(last.items()).containsExactly(7, 8);
        assertThat(last.nextCursor()).isNull();
    }
}
