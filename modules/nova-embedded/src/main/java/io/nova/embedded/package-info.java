/**
 * Real PostgreSQL, Redis, Kafka and S3 servers started from Java, so tests and a developer's laptop run Nova
 * against the same kinds of servers production uses, with nothing installed and no containers.
 *
 * <p>{@link io.nova.embedded.EmbeddedPlatform} starts all four at once; each server also works on its own.
 * PostgreSQL and redis-server are child processes; Kafka and S3Proxy run inside this JVM.
 */
package io.nova.embedded;
