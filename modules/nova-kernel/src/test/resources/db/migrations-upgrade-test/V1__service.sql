-- A service's own first migration, for MigrationsTest.
CREATE TABLE upgrade_test_rows (id BIGINT PRIMARY KEY);
