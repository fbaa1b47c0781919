package io.nova.testing;

import io.nova.embedded.junit.TestPlatform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes a service's own write really fail, for tests of what happens then: a PostgreSQL trigger in its database
 * that raises, as a constraint or an outage would, whenever a row's column is given one marker text.
 */
public final class WriteFailures {

    private WriteFailures() {
    }

    /** From now on, every {@code INSERT} or {@code UPDATE} ({@code event}) of {@code table} setting the marker fails. */
    public static void refuse(TestPlatform platform, String table, String event, String column, String marker)
            throws SQLException {
        String name = "refuse_marked_" + table + "_" + event.toLowerCase(java.util.Locale.ROOT);
        try (Connection db = platform.connect(); Statement sql = db.createStatement()) {
            sql.execute("""
                    CREATE FUNCTION %1$s() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF NEW.%2$s = '%3$s' THEN
                            RAISE EXCEPTION 'the test refuses this row';
                        END IF;
                        RETURN NEW;
                    END $$;
                    CREATE TRIGGER %1$s BEFORE %4$s ON %5$s FOR EACH ROW EXECUTE FUNCTION %1$s();"""
                    .formatted(name, column, marker.replace("'", "''"), event, table));
        }
    }
}
