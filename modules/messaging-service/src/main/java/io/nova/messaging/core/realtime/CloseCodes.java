package io.nova.messaging.core.realtime;

/**
 * The close codes the realtime socket uses (docs/api-realtime.md has the table clients read). The 4xxx codes are
 * ours; a client that sees one of them or 1012 reconnects and resumes, except after 4001 without a fresh token.
 */
public final class CloseCodes {

    /** Standard: the frame was larger than the inbound limit (Jetty closes with it by itself). */
    public static final int TOO_BIG = 1009;
    /** Standard: the replica is stopping; reconnect (to another replica) and resume. */
    public static final int SERVICE_RESTART = 1012;
    /** The access token expired (no fresh {@code auth} frame came in time) or was revoked. */
    public static final int UNAUTHENTICATED = 4001;
    /** Nothing came from the client for two heartbeat intervals. */
    public static final int HEARTBEAT_TIMEOUT = 4002;
    /** The client did not read fast enough: its send queue stayed blocked; resume to get the rest. */
    public static final int TOO_SLOW = 4008;
    /** The client sent frames faster than the inbound rate allows. */
    public static final int FLOODING = 4029;

    private CloseCodes() {
    }
}
