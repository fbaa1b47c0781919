package io.nova.kernel;

/**
 * The parts of the kernel a service may use. A service names its parts ({@link NovaApplication#parts()}); only
 * those start, only their configuration is read, and only their checks are part of its readiness.
 * Redis is not among them: every service verifies access tokens, and revocations reach it through Redis.
 */
public enum KernelPart {
    /** Its own PostgreSQL database, migrated at start; readiness checks {@code postgresql}. */
    DATABASE,
    /** Events appended in the service's transactions and relayed to Kafka; needs DATABASE; readiness checks {@code kafka}. */
    OUTBOX,
    /** Kafka consumers that run a handler once per event; needs DATABASE; readiness checks {@code kafka}. */
    CONSUMERS,
    /** The media bucket (the {@code s3} configuration block); readiness checks {@code s3}. */
    S3,
    /** The analytics store (the {@code clickhouse} block); its check degrades readiness, never fails it. */
    CLICKHOUSE
}
