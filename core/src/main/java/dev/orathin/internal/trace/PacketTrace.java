package dev.orathin.internal.trace;

import dev.orathin.net.ConnectTrace;
import dev.orathin.net.NetPacket;
import dev.orathin.net.NetSession;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Opt-in packet trace (like python-oracledb's PYO_DEBUG_PACKETS): wraps a {@link NetSession} and
 * writes a hex dump of every TTC payload sent and received. The authentication exchange (functions
 * 118 and 115 and their replies) is never dumped: only its direction and length are shown, because
 * it carries session keys and the encrypted password.
 *
 * <p>On when the environment variable {@code ORATHIN_DEBUG_PACKETS} is {@code 1} or the
 * {@code System.Logger} named {@code dev.orathin.packets} is enabled at DEBUG.
 */
public final class PacketTrace implements NetSession {

    /** Logger name of the trace. */
    public static final String LOGGER = "dev.orathin.packets";

    private final NetSession delegate;
    private final Consumer<String> sink;
    private boolean redacting;

    private PacketTrace(NetSession delegate, Consumer<String> sink) {
        this.delegate = delegate;
        this.sink = sink;
    }

    /** Wraps {@code session} when tracing is switched on, else returns it unchanged. */
    public static NetSession wrapIfEnabled(NetSession session) {
        System.Logger logger = System.getLogger(LOGGER);
        if ("1".equals(System.getenv("ORATHIN_DEBUG_PACKETS")) || logger.isLoggable(System.Logger.Level.DEBUG)) {
            return new PacketTrace(session, line -> logger.log(System.Logger.Level.INFO, line));
        }
        return session;
    }

    /** Wraps {@code session}, writing trace lines to {@code sink} (tests). */
    public static NetSession wrap(NetSession session, Consumer<String> sink) {
        return new PacketTrace(session, sink);
    }

    @Override
    public void send(byte[] payload, int dataFlags) {
        // TTC function 118 / 115 = O5LOGON phases: redact them and the replies that follow
        redacting = payload.length > 1 && payload[0] == 3 && ((payload[1] & 0xFF) == 118 || (payload[1] & 0xFF) == 115);
        sink.accept(describe("send", payload, dataFlags));
        delegate.send(payload, dataFlags);
    }

    @Override
    public NetPacket receive(Duration timeout) {
        NetPacket p = delegate.receive(timeout);
        sink.accept(p.isMarker() ? "receive MARKER " + hex(p.payload()) : describe("receive", p.payload(), p.dataFlags()));
        return p;
    }

    private String describe(String direction, byte[] payload, int dataFlags) {
        String head = direction + " DATA flags=0x" + Integer.toHexString(dataFlags) + " length=" + payload.length;
        return redacting ? head + " [authentication exchange redacted]" : head + "\n" + hex(payload);
    }

    /** Classic 16-bytes-per-line hex dump with an ASCII column. */
    static String hex(byte[] b) {
        StringBuilder out = new StringBuilder();
        for (int off = 0; off < b.length; off += 16) {
            out.append(String.format("%04x: ", off));
            StringBuilder ascii = new StringBuilder();
            for (int i = off; i < off + 16; i++) {
                if (i < b.length) {
                    out.append(String.format("%02x ", b[i] & 0xFF));
                    ascii.append(b[i] >= 0x20 && b[i] < 0x7F ? (char) b[i] : '.');
                } else {
                    out.append("   ");
                }
            }
            out.append(' ').append(ascii).append('\n');
        }
        return out.toString();
    }

    @Override
    public int protocolVersion() {
        return delegate.protocolVersion();
    }

    @Override
    public int sdu() {
        return delegate.sdu();
    }

    @Override
    public boolean fastAuthSupported() {
        return delegate.fastAuthSupported();
    }

    @Override
    public boolean endOfResponseSupported() {
        return delegate.endOfResponseSupported();
    }

    @Override
    public boolean oobSupported() {
        return delegate.oobSupported();
    }

    @Override
    public ConnectTrace trace() {
        return delegate.trace();
    }

    @Override
    public void sendMarker(int markerType) {
        sink.accept("send MARKER " + markerType);
        delegate.sendMarker(markerType);
    }

    @Override
    public boolean isOpen() {
        return delegate.isOpen();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public void abort() {
        delegate.abort();
    }
}
