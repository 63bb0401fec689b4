package dev.orathin.internal.calls;

import dev.orathin.CallEvent;
import dev.orathin.CallListener;
import dev.orathin.OracleDatabaseException;
import dev.orathin.errors.OrathinException;
import dev.orathin.net.ConnectTrace;
import dev.orathin.net.NetPacket;
import dev.orathin.net.NetSession;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Measures a connection's calls for its {@link CallListener}: wraps the network session to count
 * round trips and payload bytes, and times each call. With {@link CallListener#NONE} it adds no
 * wrapper and no clock reads.
 */
public final class CallMeter {

    private static final System.Logger LOG = System.getLogger("dev.orathin.calls");

    private final CallListener listener;
    private int roundTrips;
    private long sent;
    private long received;
    private boolean awaiting;

    /** A meter reporting to {@code listener} (null means none). */
    public CallMeter(CallListener listener) {
        this.listener = listener == null ? CallListener.NONE : listener;
    }

    /** True when someone listens. */
    public boolean active() {
        return listener != CallListener.NONE;
    }

    /** The session to use: {@code net} itself, or a counting wrapper around it when someone listens. */
    public NetSession wrap(NetSession net) {
        return active() ? new Counting(net) : net;
    }

    /**
     * Runs one call and reports it.
     *
     * @param rows the rows the result stands for
     * @param broken after a failure: whether the connection is gone
     */
    public <T> T measure(CallEvent.Kind kind, String sql, Supplier<T> call, ToLongFunction<T> rows, BooleanSupplier broken) {
        if (!active()) {
            return call.get();
        }
        long start = System.nanoTime();
        roundTrips = 0;
        sent = 0;
        received = 0;
        awaiting = false;
        T result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            report(new CallEvent(kind, operation(kind, sql), Duration.ofNanos(System.nanoTime() - start), roundTrips, 0, sent, received,
                    Optional.of(code(e)), broken.getAsBoolean()));
            throw e;
        }
        long n;
        try {
            n = rows.applyAsLong(result);
        } catch (RuntimeException e) {
            n = 0;
        }
        report(new CallEvent(kind, operation(kind, sql), Duration.ofNanos(System.nanoTime() - start), roundTrips, n, sent, received,
                Optional.empty(), false));
        return result;
    }

    private void report(CallEvent e) {
        try {
            listener.callEnded(e);
        } catch (RuntimeException | Error failure) {
            if (failure instanceof VirtualMachineError vm) {
                throw vm;
            }
            LOG.log(System.Logger.Level.WARNING, () -> "a CallListener (" + listener.getClass().getName() + ") threw on " + e.kind()
                    + " " + e.operation() + "; ignored: " + failure);
        }
    }

    /** ORA-nnnnn for a database error, the OTN code for orathin's, else the exception's simple name. */
    static String code(RuntimeException e) {
        if (e instanceof OracleDatabaseException d) {
            return String.format(Locale.ROOT, "ORA-%05d", d.oraCode());
        }
        if (e instanceof OrathinException o) {
            return o.code();
        }
        return e.getClass().getSimpleName();
    }

    /**
     * The statement's leading keyword, upper case (comments and whitespace skipped), or the kind's
     * name when there is no SQL; {@code SQL} when the text starts with something else.
     */
    public static String operation(CallEvent.Kind kind, String sql) {
        if (sql == null) {
            return kind.name();
        }
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        int start = i;
        while (i < n && i - start < 16 && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        return i == start ? "SQL" : sql.substring(start, i).toUpperCase(Locale.ROOT);
    }

    /** Counts what goes through the session; a send after a receive (or the first send) opens a round trip. */
    private final class Counting implements NetSession {
        private final NetSession net;

        Counting(NetSession net) {
            this.net = net;
        }

        @Override
        public void send(byte[] payload, int dataFlags) {
            net.send(payload, dataFlags);
            if (!awaiting) {
                roundTrips++;
                awaiting = true;
            }
            sent += payload.length;
        }

        @Override
        public NetPacket receive(Duration timeout) {
            NetPacket p = net.receive(timeout);
            awaiting = false;
            received += p.payload().length;
            return p;
        }

        @Override
        public int protocolVersion() {
            return net.protocolVersion();
        }

        @Override
        public int sdu() {
            return net.sdu();
        }

        @Override
        public boolean fastAuthSupported() {
            return net.fastAuthSupported();
        }

        @Override
        public boolean endOfResponseSupported() {
            return net.endOfResponseSupported();
        }

        @Override
        public boolean oobSupported() {
            return net.oobSupported();
        }

        @Override
        public ConnectTrace trace() {
            return net.trace();
        }

        @Override
        public void sendMarker(int markerType) {
            net.sendMarker(markerType);
        }

        @Override
        public boolean isOpen() {
            return net.isOpen();
        }

        @Override
        public void close() {
            net.close();
        }

        @Override
        public void abort() {
            net.abort();
        }
    }
}
