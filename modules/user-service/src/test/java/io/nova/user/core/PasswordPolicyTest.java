package io.nova.user.core;

import io.nova.kernel.errors.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

    private static final PasswordPolicy POLICY = PasswordPolicy.load();

    private static void refused(String password, String why) {
        assertThatThrownBy(() -> POLICY.check(password, "Ann_Smith", "ann@example.com"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("weak_password");
                    assertThat(e.getMessage()).contains(why);
                });
    }

    @Test
    void theCommonListHasAHundredEntries() {
        assertThat(POLICY.size()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void lengthIsCountedInCharactersNotUtf16Units() {
        refused("123456789", "at least 10");
        refused("z".repeat(129), "at most 128");
        assertThatCode(() -> POLICY.check("z".repeat(128), "ann", "ann@example.com")).doesNotThrowAnyException();
        // Nine emoji are 18 UTF-16 units but nine characters.
        refused("\uD83D\uDD11".repeat(9), "at least 10");
    }

    @Test
    void notTheUsernameOrEmailInAnyCase() {
        assertThatThrownBy(() -> POLICY.check("ANN_SMITH_1", "ann_smith_1", "x@example.com"))
                .hasMessageContaining("username");
        assertThatThrownBy(() -> POLICY.check("Ann.Smith@Example.com", "ann", "ann.smith@example.com"))
                .hasMessageContaining("email");
    }

    @Test
    void notACommonPassword() {
        refused("Password123", "common");
        refused("QWERTYUIOP", "common");
        assertThatCode(() -> POLICY.check("correct horse battery", "ann", "ann@example.com"))
                .doesNotThrowAnyException();
    }
}
