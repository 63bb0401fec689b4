package dev.orathin.net;

import java.time.Duration;

/**
 * An open Oracle Net session (after ACCEPT and any advanced negotiation): the byte pipe the TTC
 * protocol in {@code core} runs over. This is the seam between {@code transport} and {@code core}.
 *
 * <p>Every blocking method is bounded: {@link #receive(Duration)} by its argument, sends by the
 * session's send timeout, {@link #close()} by a short fixed bound. Implementations are safe for one
 * reader/writer thread plus {@link #sendMarker(int)} and {@link #abort()} from any thread (cancel).
 */
public interface NetSession extends AutoCloseable {

    /** Marker type "break" (interrupt the current call). */
    int MARKER_BREAK = 1;
    /** Marker type "reset" (resynchronise after a break). */
    int MARKER_RESET = 2;

    /** Negotiated TNS version from the ACCEPT packet (315..319). */
    int protocolVersion();

    /** Negotiated session data unit: the largest packet either side sends. */
    int sdu();

    /** True when the ACCEPT offered fast authentication (accept flags2 0x10000000). */
    boolean fastAuthSupported();

    /** True when the server marks the end of each response (accept flags2 0x02000000, version 319). */
    boolean endOfResponseSupported();

    /** True when out-of-band break is usable on this session. */
    boolean oobSupported();

    /**
     * Sends one TTC request: split into DATA packets no larger than {@link #sdu()}.
     *
     * @param payload the TTC bytes
     * @param dataFlags data flags for the last packet (usually 0)
     */
    void send(byte[] payload, int dataFlags);

    /**
     * Waits for the next DATA or MARKER packet (CONTROL packets are handled inside the transport).
     *
     * @param timeout how long to wait; the failure names this timeout and its value
     * @throws NetException when the timeout fires, the peer closes, or a malformed packet arrives
     */
    NetPacket receive(Duration timeout);

    /** How this session was reached (route, per-phase timings, round trips, attempts). */
    ConnectTrace trace();

    /** Sends a MARKER packet (break or reset). Safe to call from another thread. */
    void sendMarker(int markerType);

    /** False once the session is closed, aborted or broken. */
    boolean isOpen();

    /** Ends the session politely (DATA with the EOF flag), bounded; never waits on a dead socket. */
    @Override
    void close();

    /** Drops the connection at once without any exchange. Safe to call from any thread. */
    void abort();
}
