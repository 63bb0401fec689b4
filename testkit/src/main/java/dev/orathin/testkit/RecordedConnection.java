package dev.orathin.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What one client connection did: every packet in and out (authentication packets redacted),
 * the connect data it sent, TLS details and counters. Filled in while the connection runs; safe to
 * read from the test thread.
 */
public final class RecordedConnection {

    /** One packet on the wire. {@code bytes} is null when the packet was redacted (authentication). */
    public record Packet(boolean inbound, int type, int length, byte[] bytes) {
        /** Shows direction, type and length only. */
        @Override
        public String toString() {
            return (inbound ? "C->S" : "S->C") + " type=" + type + " len=" + length + (bytes == null ? " [redacted]" : "");
        }
    }

    private final int id;
    private final List<Packet> packets = new ArrayList<>();
    private final List<String> connectData = new ArrayList<>();
    private final CountDownLatch firstTtc = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile byte[] firstTtcMessage;
    private volatile String sni;
    private volatile int tlsHandshakes;
    private volatile String tlsProtocol;
    private volatile String outcome = "open";
    private long bytesIn;
    private long bytesOut;
    private int roundTrips;
    private boolean lastInbound;
    private boolean redact;

    RecordedConnection(int id) {
        this.id = id;
    }

    /** Sequence number of the connection on its server, from 1. */
    public int id() {
        return id;
    }

    synchronized void packet(boolean inbound, byte[] packet) {
        int type = packet.length > 4 ? packet[4] & 0xFF : -1;
        packets.add(new Packet(inbound, type, packet.length, redact ? null : packet.clone()));
        if (inbound) {
            bytesIn += packet.length;
        } else {
            bytesOut += packet.length;
            if (lastInbound) {
                roundTrips++;
            }
        }
        lastInbound = inbound;
    }

    synchronized void redact(boolean on) {
        this.redact = on;
    }

    synchronized void connectData(String text) {
        connectData.add(text);
    }

    void firstTtcMessage(byte[] payload) {
        if (firstTtcMessage == null) {
            firstTtcMessage = payload.clone();
            firstTtc.countDown();
        }
    }

    void sni(String value) {
        this.sni = value;
    }

    void tlsHandshakeDone(String protocol) {
        tlsHandshakes++;
        tlsProtocol = protocol;
    }

    void end(String how) {
        outcome = how;
        ended.countDown();
        firstTtc.countDown();
    }

    /** All packets so far, in order. */
    public synchronized List<Packet> packets() {
        return List.copyOf(packets);
    }

    /** Every connect descriptor received (more than one after a RESEND). */
    public synchronized List<String> connectData() {
        return List.copyOf(connectData);
    }

    /**
     * Waits for the first TTC message after ACCEPT (the client's first request to the database).
     * Returns empty if the connection ended without one or the wait timed out.
     */
    public Optional<byte[]> awaitFirstTtcMessage(long timeout, TimeUnit unit) throws InterruptedException {
        firstTtc.await(timeout, unit);
        return Optional.ofNullable(firstTtcMessage).map(byte[]::clone);
    }

    /** Waits until the server side of the connection ended; true if it did within the timeout. */
    public boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        return ended.await(timeout, unit);
    }

    /** The SNI host name the client sent, if any. */
    public Optional<String> sni() {
        return Optional.ofNullable(sni);
    }

    /** Completed TLS handshakes on this connection (2 after the ADB hand-off). */
    public int tlsHandshakes() {
        return tlsHandshakes;
    }

    /** The TLS protocol of the last handshake (e.g. TLSv1.3), if any. */
    public java.util.Optional<String> tlsProtocol() {
        return java.util.Optional.ofNullable(tlsProtocol);
    }

    /** How the connection ended so far ("open", "closed by client", "refused 12514", an error...). */
    public String outcome() {
        return outcome;
    }

    /** Request/response turns observed (a server write following a client write counts one). */
    public synchronized int roundTrips() {
        return roundTrips;
    }

    /** Bytes received from the client. */
    public synchronized long bytesIn() {
        return bytesIn;
    }

    /** Bytes sent to the client. */
    public synchronized long bytesOut() {
        return bytesOut;
    }

    @Override
    public synchronized String toString() {
        return "RecordedConnection[" + id + ", packets=" + packets.size() + ", roundTrips=" + roundTrips
                + ", tls=" + tlsHandshakes + ", outcome=" + outcome + "]";
    }
}
