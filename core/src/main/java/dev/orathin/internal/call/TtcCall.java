package dev.orathin.internal.call;

import dev.orathin.CoreErrorCode;
import dev.orathin.OrathinProtocolException;
import dev.orathin.errors.OrathinException;
import dev.orathin.internal.sql.Requests;
import dev.orathin.internal.sql.Response;
import dev.orathin.internal.ttc.Capabilities;
import dev.orathin.internal.ttc.TtcCodes;
import dev.orathin.internal.ttc.TtcReader;
import dev.orathin.internal.ttc.TtcReply;
import dev.orathin.internal.ttc.TtcRequest;
import dev.orathin.net.NetErrorCode;
import dev.orathin.net.NetException;
import dev.orathin.net.NetPacket;
import dev.orathin.net.NetSession;
import java.time.Duration;
import java.util.List;

/**
 * The call engine of one session: sends a request, reads its reply, and owns everything a round
 * trip can meet on the way — break/reset markers (protocol.md §9, python-oracledb {@code _reset}),
 * FLUSH_OUT_BINDS, the call timeout with its interrupt and {@link #RESET_TIMEOUT}, and aborting the
 * session when a reply cannot be followed (the stream position is then lost). Every TTC function
 * after the login, ping and logoff included, goes through {@link #roundTrip} or {@link #probe}.
 *
 * <p>Not thread safe: the connection serialises calls; only {@link #cancel()} and
 * {@link #isClosed()} may be used from another thread.
 */
public final class TtcCall {

    /**
     * Bound on the server's answer to an interrupt after a call timeout (the break/reset exchange);
     * when it passes the connection is closed.
     */
    public static final Duration RESET_TIMEOUT = Duration.ofSeconds(5);

    private final NetSession net;
    private final Capabilities caps;
    private Duration callTimeout;
    private int sequence;
    private volatile boolean closed;
    private volatile boolean callInProgress;

    /**
     * @param net the session's network connection
     * @param caps the negotiated capabilities (field version, ERROR layout)
     * @param lastSequence the last sequence number the login used
     * @param callTimeout the bound on each call
     */
    public TtcCall(NetSession net, Capabilities caps, int lastSequence, Duration callTimeout) {
        this.net = net;
        this.caps = caps;
        this.sequence = lastSequence;
        this.callTimeout = callTimeout;
    }

    /** The negotiated capabilities. */
    public Capabilities capabilities() {
        return caps;
    }

    /** The negotiated TTC field version. */
    public int fieldVersion() {
        return caps.fieldVersion();
    }

    /** The bound on each call. */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** Sets the bound on each call (checked by the caller). */
    public void callTimeout(Duration timeout) {
        this.callTimeout = timeout;
    }

    /** The next sequence number (1..255, wrapping): each function and piggyback takes one. */
    public int nextSequence() {
        sequence = sequence % 255 + 1;
        return sequence;
    }

    /** True once closed (by the application or after a broken session). */
    public boolean isClosed() {
        return closed;
    }

    /** Marks the session closed (the caller logs off and closes the network session). */
    public void markClosed() {
        closed = true;
    }

    /** Marks the session closed and cuts the network session off at once. */
    public void abort() {
        closed = true;
        net.abort();
    }

    /**
     * Interrupts the running call from another thread (MARKER interrupt); does nothing when no call
     * is running. Never blocks longer than sending one small packet.
     */
    public void cancel() {
        if (closed || !callInProgress) {
            return;
        }
        try {
            net.sendMarker(TtcCodes.MARKER_INTERRUPT);
        } catch (RuntimeException e) {
            // the call itself will report the broken session
        }
    }

    /** {@link #roundTrip(byte[], TtcReply)} of {@code request} numbered by this session, {@code piggybacks} first. */
    public <R extends TtcReply> R roundTrip(TtcRequest request, byte[] piggybacks, R reply) {
        return roundTrip(request.encode(this::nextSequence, fieldVersion(), piggybacks), reply);
    }

    /** {@link #probe(byte[], TtcReply, Duration)} of {@code request} alone (no piggybacks). */
    public <R extends TtcReply> R probe(TtcRequest request, R reply, Duration timeout) {
        return probe(request.encode(this::nextSequence, fieldVersion(), new byte[0]), reply, timeout);
    }

    /**
     * Sends a request and reads the reply into {@code reply}, bounded by the call timeout; handles
     * break/reset markers (then the error that follows ends the reply) and FLUSH_OUT_BINDS. On
     * timeout the call is interrupted (OTN-5030); a reply that cannot be followed closes the session.
     */
    public <R extends TtcReply> R roundTrip(byte[] request, R reply) {
        long deadline = System.nanoTime() + callTimeout.toNanos();
        callInProgress = true;
        TtcReader r = new TtcReader(() -> net.receive(remaining(deadline)));
        try {
            exchange(request, reply, r, deadline);
            return reply;
        } catch (NetException e) {
            if (e.errorCode() == NetErrorCode.RECV_TIMEOUT && net.isOpen()) {
                throw timedOut(e, !r.started());
            }
            abort();
            throw e;
        } catch (OrathinProtocolException e) {
            // a reply we could not follow: the stream position is lost, so the session is too
            abort();
            throw e;
        } catch (RuntimeException e) {
            if (e instanceof OrathinException) {
                throw e;
            }
            // a value that does not decode (corrupt date, offset, ...): same as a malformed message
            abort();
            throw new OrathinProtocolException(CoreErrorCode.MALFORMED_MESSAGE, "statement reply: a value could not be decoded ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); the connection was closed", e);
        } finally {
            callInProgress = false;
        }
    }

    /**
     * A round trip that probes the session (ping, logoff when closing): bounded by {@code timeout},
     * not cancellable and never interrupted — any failure other than a database error in the reply
     * cuts the network session off at once (a session that does not answer a probe is gone) and is
     * thrown as it is; the caller decides whether the connection counts as closed.
     */
    public <R extends TtcReply> R probe(byte[] request, R reply, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            exchange(request, reply, new TtcReader(() -> net.receive(remaining(deadline))), deadline);
            return reply;
        } catch (RuntimeException e) {
            // protocol errors included: after a reply that could not be parsed the position in the
            // stream is unknown, so the session must not be reused (isHealthy() turns false)
            net.abort();
            throw e;
        }
    }

    private void exchange(byte[] request, TtcReply reply, TtcReader r, long deadline) {
        net.send(request, 0);
        while (true) {
            try {
                reply.read(r, net.endOfResponseSupported());
            } catch (TtcReader.MarkerException m) {
                resynchronise(r, m.markerType(), deadline);
                continue;
            }
            if (reply.flushOutBinds()) {
                net.send(Requests.flushOutBinds(), 0);
                continue;
            }
            return;
        }
    }

    private static Duration remaining(long deadline) {
        long left = deadline - System.nanoTime();
        return Duration.ofNanos(Math.max(left, 1_000_000L));
    }

    /**
     * After a MARKER from the server (python {@code _reset}): send RESET, skip packets up to the
     * server's RESET marker and any further markers, then continue with the next DATA packet,
     * which carries the ERROR message.
     */
    private void resynchronise(TtcReader r, int markerType, long deadline) {
        net.sendMarker(TtcCodes.MARKER_RESET);
        if (markerType != TtcCodes.MARKER_RESET) {
            while (true) {
                NetPacket p = net.receive(remaining(deadline));
                if (p.isMarker() && markerType(p) == TtcCodes.MARKER_RESET) {
                    break;
                }
            }
        }
        NetPacket p;
        do {
            p = net.receive(remaining(deadline));
        } while (p.isMarker());
        r.push(p);
    }

    private static int markerType(NetPacket p) {
        byte[] m = p.payload();
        return m.length >= 3 ? m[2] & 0xFF : 0;
    }

    /**
     * The call timeout fired: interrupt the call and wait (bounded by RESET_TIMEOUT) for the
     * server's answer, so the session is in step again; otherwise close it.
     */
    private OrathinProtocolException timedOut(NetException cause, boolean nothingReceived) {
        // RECV_TIMEOUT from the descriptor / sqlnet.ora caps every wait (transport, NettyNetSession):
        // name the one that actually fired, so the advice points at the right setting
        NetException.Timeout bound = cause.timeout().orElse(null);
        boolean recv = bound != null && bound.parameter().equals("RECV_TIMEOUT");
        String what = recv ? "the server sent nothing within RECV_TIMEOUT (connect descriptor or sqlnet.ora) during the call ("
                + bound.value().toMillis() + " ms)"
                : "the call did not complete within the call timeout of " + callTimeout.toMillis() + " ms";
        String advice = recv ? "raise RECV_TIMEOUT for longer statements" : "raise callTimeout for longer statements";
        try {
            net.sendMarker(TtcCodes.MARKER_INTERRUPT);
            long deadline = System.nanoTime() + RESET_TIMEOUT.toNanos();
            if (nothingReceived) {
                // no byte of the reply yet: whatever comes next starts a message, whether the server answers the
                // interrupt with break/reset markers or directly with the ORA-01013 ERROR
                TtcReader r = new TtcReader(() -> net.receive(remaining(deadline)));
                while (true) {
                    try {
                        drainToEnd(r);
                        break;
                    } catch (TtcReader.MarkerException m) {
                        resynchronise(r, m.markerType(), deadline);
                    }
                }
                return usableAfterTimeout(what, advice);
            }
            while (true) {
                NetPacket p = net.receive(remaining(deadline));
                if (p.isMarker()) {
                    TtcReader r = new TtcReader(() -> net.receive(remaining(deadline)));
                    resynchronise(r, markerType(p), deadline);
                    drainToEnd(r);
                    break;
                }
                // rest of the interrupted reply: discarded
            }
            return usableAfterTimeout(what, advice);
        } catch (RuntimeException e) {
            abort();
            return new OrathinProtocolException(CoreErrorCode.CALL_TIMEOUT, what + "; the server did not answer the interrupt within "
                    + RESET_TIMEOUT.toMillis() + " ms (RESET_TIMEOUT), so the connection was closed", e);
        }
    }

    private static OrathinProtocolException usableAfterTimeout(String what, String advice) {
        return new OrathinProtocolException(CoreErrorCode.CALL_TIMEOUT, what + "; it was interrupted and the connection is still"
                + " usable (" + advice + ")");
    }

    private void drainToEnd(TtcReader r) {
        new Response(caps, null, null, false, List.of(), false).read(r, net.endOfResponseSupported());
    }
}
