package io.nova.kernel;

import io.nova.embedded.junit.TestPlatform;
import org.postgresql.ds.PGSimpleDataSource;

/** The test platform's PostgreSQL as a plain data source, for tests below the level of a running service. */
public final class PlatformDatabase {

    private PlatformDatabase() {
    }

    public static PGSimpleDataSource dataSource(TestPlatform platform) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(platform.jdbcUrl());
        dataSource.setUser(platform.dbUser());
        dataSource.setPassword(platform.dbPassword());
        return dataSource;
    }
}
