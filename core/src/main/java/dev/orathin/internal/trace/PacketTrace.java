package dev.orathin.internal.trace;

import dev.orathin.net.ConnectTrace;
import dev.orathin.net.NetPacket;
import dev.orathin.net.NetSession;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Opt-in packet trace (like python-oracledb's PYO_DEBUG_PACKETS): wraps a {@link NetSession} and
 * writes a hex dump of every TTC payload sent and received.
 *
 * <p>Authentication data is never dumped, judged by meaning rather than by one function code: a
 * payload is redacted (only its direction, length and the names of the authentication keys in it
 * are shown) when it is an authentication request (O5LOGON functions 118 and 115, or the FAST_AUTH
 * message 34 of 23ai and Autonomous Database), when it is any packet exchanged while such a request
 * is being answered (a reply may span several packets), or when it holds an authentication key
 * name ({@code AUTH_SESSKEY}, {@code AUTH_VFR_DATA}, {@code AUTH_PBKDF2_*}, {@code AUTH_PASSWORD},
 * {@code AUTH_TOKEN}, ...) in either direction. Session keys, verifier salts, iteration counts and
 * the encrypted password therefore never reach a trace a user attaches to a bug report.
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
        // an authentication request starts a redacted exchange that lasts until the next request
        redacting = isAuthenticationRequest(payload);
        sink.accept(describe("send", payload, dataFlags));
        delegate.send(payload, dataFlags);
    }

    @Override
    public NetPacket receive(Duration timeout) {
        NetPacket p = delegate.receive(timeout);
        sink.accept(p.isMarker() ? "receive MARKER " + hex(p.payload()) : describe("receive", p.payload(), p.dataFlags()));
        return p;
    }

    /** O5LOGON phase one (118) or two (115) as a TTC function, or the FAST_AUTH message (34). */
    static boolean isAuthenticationRequest(byte[] payload) {
        if (payload.length > 1 && payload[0] == 3) {
            int fn = payload[1] & 0xFF;
            return fn == 118 || fn == 115;
        }
        return payload.length > 0 && payload[0] == 34;
    }

    private String describe(String direction, byte[] payload, int dataFlags) {
        String head = direction + " DATA flags=0x" + Integer.toHexString(dataFlags) + " length=" + payload.length;
        List<String> keys = authenticationKeys(payload);
        if (redacting || !keys.isEmpty()) {
            return head + " [authentication exchange redacted" + (keys.isEmpty() ? "" : ": " + String.join(", ", keys)) + "]";
        }
        return head + "\n" + hex(payload);
    }

    /** The authentication key names ({@code AUTH_...}) written in a payload, in order, without values. */
    static List<String> authenticationKeys(byte[] payload) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i + 5 <= payload.length; i++) {
            if (payload[i] == 'A' && payload[i + 1] == 'U' && payload[i + 2] == 'T' && payload[i + 3] == 'H' && payload[i + 4] == '_') {
                int end = i + 5;
                while (end < payload.length && (payload[end] >= 'A' && payload[end] <= 'Z' || payload[end] >= '0' && payload[end] <= '9'
                        || payload[end] == '_')) {
                    end++;
                }
                String key = new String(payload, i, end - i, StandardCharsets.US_ASCII);
                if (!keys.contains(key) && keys.size() < 32) {
                    keys.add(key);
                }
                i = end - 1;
            }
        }
        return keys;
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
