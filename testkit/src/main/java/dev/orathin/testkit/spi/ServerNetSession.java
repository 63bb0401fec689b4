package dev.orathin.testkit.spi;

import java.io.IOException;

/**
 * The server side of one Oracle Net session after the listener has sent ACCEPT (and answered any
 * advanced negotiation): the seam between the testkit's listener half and its database half.
 *
 * <p>Implemented by the listener; used by a {@link DatabaseHandler}. Reads are bounded by the
 * server's read timeout and return {@code null} at end of stream.
 */
public interface ServerNetSession {

    /** The connect descriptor text the client sent in its (last) CONNECT. */
    String connectData();

    /** The service the client asked for (SERVICE_NAME, or SID when no service name was given). */
    String serviceName();

    /** The TNS version sent in ACCEPT. */
    int version();

    /** The SDU sent in ACCEPT: no packet written may be larger. */
    int sdu();

    /** True when the ACCEPT offered fast authentication. */
    boolean fastAuthOffered();

    /** The real server version this server behaves like, or {@code null} for the classic testkit. */
    default dev.orathin.testkit.Profile profile() {
        return null;
    }

    /** The next packet from the client, or {@code null} at end of stream. */
    Packet read() throws IOException;

    /** Writes a response as DATA packets split to the SDU; {@code dataFlags} go on the last packet. */
    void writeData(int dataFlags, byte[] payload) throws IOException;

    /** Writes a MARKER packet (1 break, 2 reset). */
    void writeMarker(int markerType) throws IOException;

    /**
     * Marks the packets that follow as authentication traffic ({@code true}) or not: the recorder
     * keeps only the type and length of redacted packets.
     */
    default void redactRecording(boolean on) {
    }

    /** Closes the connection. */
    void close();

    /**
     * One received packet.
     *
     * @param type TNS packet type (6 DATA, 12 MARKER, ...)
     * @param flags header flags
     * @param dataFlags DATA packets' data flags (0 otherwise)
     * @param payload bytes after the header (and after the data flags for DATA)
     */
    record Packet(int type, int flags, int dataFlags, byte[] payload) {
    }
}
