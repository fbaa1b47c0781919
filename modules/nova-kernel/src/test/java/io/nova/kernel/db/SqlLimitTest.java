package io.nova.kernel.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlLimitTest {

    @Test
    void writesTheLimitIntoTheSql() {
        assertThat(SqlLimit.of(1)).isEqualTo(" LIMIT 1");
        assertThat(SqlLimit.of(101)).isEqualTo(" LIMIT 101");
        assertThat(SqlLimit.of(SqlLimit.MAX_ROWS)).isEqualTo(" LIMIT " + SqlLimit.MAX_ROWS);
    }

    @Test
    void refusesALimitThatDidNotComeFromAClamp() {
        assertThatThrownBy(() -> SqlLimit.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqlLimit.of(-5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqlLimit.of(SqlLimit.MAX_ROWS + 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
