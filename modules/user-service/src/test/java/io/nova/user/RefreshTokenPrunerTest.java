package io.nova.user;

import io.nova.user.core.RefreshTokenPruner;
import io.nova.user.db.AccountStore;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Expired refresh-token rows go; live ones stay. */
class RefreshTokenPrunerTest extends RunningUserService {

    private long tokens() throws Exception {
        try (Connection db = platform.connect(); Statement statement = db.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM refresh_tokens")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void prunesOnlyTokensExpiredMoreThanADayAgo() throws Exception {
        for (int i = 0; i < 3; i++) {
            users.register();
        }
        long live = tokens();
        assertThat(live).isGreaterThanOrEqualTo(3);
        var jdbi = org.jdbi.v3.core.Jdbi.create(platform.jdbcUrl(), platform.dbUser(), platform.dbPassword());

        // Today nothing has expired: nothing goes.
        assertThat(new RefreshTokenPruner(jdbi, new AccountStore(), Clock.systemUTC()).prune()).isZero();
        // 31 days from now every token issued today has been expired for more than a day.
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(32)), ZoneOffset.UTC);
        assertThat(new RefreshTokenPruner(jdbi, new AccountStore(), later).prune()).isEqualTo(live);
        assertThat(tokens()).isZero();
    }
}
