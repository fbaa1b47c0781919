package io.nova.messaging.core;

import io.nova.kernel.errors.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadPositionTest {

    @Test
    void itOnlyMovesForward() {
        assertThat(ReadPosition.next(3, 5L, 9)).isEqualTo(5);
        assertThat(ReadPosition.next(5, 3L, 9)).isEqualTo(5);
        assertThat(ReadPosition.next(5, 5L, 9)).isEqualTo(5);
        assertThat(ReadPosition.next(0, 0L, 0)).isZero();
        assertThat(ReadPosition.next(4, 9L, 9)).isEqualTo(9);
    }

    @Test
    void itStaysWithinTheConversation() {
        assertThatThrownBy(() -> ReadPosition.next(0, 10L, 9)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.details()).containsEntry("last_seq", 9L);
        });
        assertThatThrownBy(() -> ReadPosition.next(0, -1L, 9)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> ReadPosition.next(0, null, 9)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.status()).isEqualTo(400));
    }
}
