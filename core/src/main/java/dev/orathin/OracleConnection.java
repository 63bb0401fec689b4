package dev.orathin;

import dev.orathin.internal.ttc.AuthExchange;
import dev.orathin.internal.ttc.ErrorInfo;
import dev.orathin.internal.ttc.Login;
import dev.orathin.internal.ttc.Negotiation;
import dev.orathin.internal.ttc.TtcReader;
import dev.orathin.net.ConnectTrace;
import dev.orathin.net.NetSession;
import java.time.Duration;

/**
 * An open database session. Thread-confined: one call at a time.
 *
 * <p>Available now: {@link #ping()}, {@link #isHealthy()}, {@link #close()}, session facts and
 * the connect trace. SQL execution is the next step of orathin and raises OTN-9001 until it lands.
 */
public final class OracleConnection implements AutoCloseable {

    /** Function codes (protocol.md §6.1). */
    private static final int FN_PING = 147, FN_LOGOFF = 9;
    /** Bound on the logoff exchange when closing: close never waits long on a dead peer. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

    private final NetSession net;
    private final Login.Session session;
    private Duration callTimeout;
    private int sequence = 2;
    private boolean closed;

    OracleConnection(NetSession net, Login.Session session, Duration callTimeout) {
        this.net = net;
        this.session = session;
        this.callTimeout = callTimeout;
    }

    /** AUTH_SESSION_ID: the session id (SID) in V$SESSION. */
    public long sessionId() {
        return session.sessionId();
    }

    /** AUTH_SERIAL_NUM: the session serial number. */
    public long serialNumber() {
        return session.serialNumber();
    }

    /** The server version as {@code major.minor.patch.portRelease.portUpdate}. */
    public String serverVersion() {
        long v = session.versionNumber();
        if (session.capabilities().fieldVersion() >= 11) {
            return ((v >> 24) & 0xFF) + "." + ((v >> 16) & 0xFF) + "." + ((v >> 12) & 0x0F) + "." + ((v >> 4) & 0xFF) + "." + (v & 0x0F);
        }
        return ((v >> 24) & 0xFF) + "." + ((v >> 20) & 0x0F) + "." + ((v >> 12) & 0x0F) + "." + ((v >> 8) & 0x0F) + "." + (v & 0x0F);
    }

    /** The server banner from the protocol negotiation. */
    public String banner() {
        return session.capabilities().banner();
    }

    /** How the connection was reached: route, per-phase timings, round trips, attempts. */
    public ConnectTrace connectTrace() {
        return net.trace();
    }

    /** The bound on each round trip. */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** Sets the bound on each round trip. */
    public void callTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("callTimeout must be positive, was " + timeout);
        }
        this.callTimeout = timeout;
    }

    /** One round trip to the database (function PING); throws if the session is broken. */
    public void ping() {
        ensureOpen();
        call(FN_PING, callTimeout);
    }

    /** True when the session is open and the transport is alive (no round trip). */
    public boolean isHealthy() {
        return !closed && net.isOpen();
    }

    /** Runs SQL: not available yet (OTN-9001). */
    public Object execute(String sql, Object... binds) {
        throw new OrathinProtocolException(CoreErrorCode.NOT_SUPPORTED, "execute: SQL execution is not implemented in this orathin"
                + " version yet (the connection, login and ping are)");
    }

    /** Logs off and closes the network session; bounded, never waits long on a dead socket. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (net.isOpen()) {
                call(FN_LOGOFF, CLOSE_TIMEOUT);
            }
        } catch (RuntimeException ignored) {
            // the session is going away anyway; closing must not fail
        } finally {
            net.close();
        }
    }

    private void call(int function, Duration timeout) {
        sequence = sequence % 255 + 1;
        byte[] msg = AuthExchange.function(function, sequence, session.capabilities().fieldVersion()).toByteArray();
        try {
            net.send(msg, 0);
            TtcReader r = new TtcReader(net, timeout);
            while (true) {
                int type = r.ub1();
                if (type == Negotiation.MSG_STATUS) {
                    r.ub();
                    r.ub();
                    return;
                }
                if (type == Negotiation.MSG_ERROR) {
                    ErrorInfo.read(r, session.capabilities()).throwIfError();
                    return;
                }
                if (type == Negotiation.MSG_END_OF_RESPONSE) {
                    return;
                }
                throw new OrathinProtocolException(CoreErrorCode.UNEXPECTED_MESSAGE, "reply to function " + function
                        + ": unexpected TTC message type " + type);
            }
        } catch (OracleDatabaseException e) {
            // an ORA error is a complete answer: the session stays usable
            throw e;
        } catch (RuntimeException e) {
            // protocol errors included: after a reply that could not be parsed the position in the
            // stream is unknown, so the session must not be reused (isHealthy() turns false)
            net.abort();
            throw e;
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new OrathinProtocolException(CoreErrorCode.CONNECTION_CLOSED, "the connection is closed");
        }
    }

    @Override
    public String toString() {
        return "OracleConnection[session=" + session.sessionId() + "," + session.serialNumber() + (closed ? ", closed" : "") + "]";
    }
}
