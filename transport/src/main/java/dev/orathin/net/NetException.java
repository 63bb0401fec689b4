package dev.orathin.net;

import dev.orathin.errors.OrathinException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A transport or Oracle Net failure. When a connect walked several addresses, {@link #attempts()}
 * lists each one (address, phase reached, what happened, elapsed); the code and message are those
 * of the primary failure, the one Oracle's clients would report.
 */
public class NetException extends OrathinException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConnectAttempt> attempts;
    private final int oraCode;
    private final String baseDetail;
    private final transient Timeout timeout;

    /**
     * Which bound ended a wait, as a fact instead of message text.
     *
     * @param parameter the setting that bounded it ({@code RECV_TIMEOUT}, {@code CONNECT_TIMEOUT},
     *     {@code TRANSPORT_CONNECT_TIMEOUT}, {@code call timeout}, {@code overall connect timeout})
     * @param value its value
     */
    public record Timeout(String parameter, java.time.Duration value) {
    }

    /** A failure with no attempt log. */
    public NetException(NetErrorCode code, String detail) {
        this(code, detail, null, List.of(), 0);
    }

    /** A failure with a cause. */
    public NetException(NetErrorCode code, String detail, Throwable cause) {
        this(code, detail, cause, List.of(), 0);
    }

    /**
     * Full constructor.
     *
     * @param oraCode the ORA/TNS number the listener or client convention gives this failure, or 0
     */
    public NetException(NetErrorCode code, String detail, Throwable cause, List<ConnectAttempt> attempts, int oraCode) {
        this(code, detail, cause, attempts, oraCode, null);
    }

    private NetException(NetErrorCode code, String detail, Throwable cause, List<ConnectAttempt> attempts, int oraCode, Timeout timeout) {
        super(code, detail + (oraCode > 0 ? " (ORA-" + String.format("%05d", oraCode) + ")" : "") + attemptLog(attempts), cause);
        this.attempts = List.copyOf(attempts);
        this.oraCode = oraCode;
        this.baseDetail = detail;
        this.timeout = timeout;
    }

    /** The same failure, recording which bound ended the wait. */
    public NetException withTimeout(String parameter, java.time.Duration value) {
        NetException e = new NetException((NetErrorCode) errorCode(), baseDetail, getCause(), attempts, oraCode,
                new Timeout(parameter, value));
        for (Throwable s : getSuppressed()) {
            e.addSuppressed(s);
        }
        return e;
    }

    /** The bound that ended the wait, when a timeout ended it. */
    public java.util.Optional<Timeout> timeout() {
        return java.util.Optional.ofNullable(timeout);
    }

    /** The same failure with the attempt log of a whole connect. */
    public NetException withAttempts(List<ConnectAttempt> log) {
        return withAttempts(log, null);
    }

    /** The same failure with the attempt log and the connection id (as Oracle's clients print it). */
    public NetException withAttempts(List<ConnectAttempt> log, String connectionId) {
        return withAttempts(log, connectionId, null);
    }

    /**
     * The same failure with the attempt log, the connection id and a note on how the connect ended
     * (e.g. that the overall deadline was reached); suppressed exceptions are kept.
     */
    public NetException withAttempts(List<ConnectAttempt> log, String connectionId, String note) {
        String detail = baseDetail + (note == null ? "" : note) + (connectionId == null || baseDetail.contains("CONNECTION_ID=") ? ""
                : " (CONNECTION_ID=" + connectionId + ")");
        NetException e = new NetException((NetErrorCode) errorCode(), detail, getCause(), log, oraCode, timeout);
        for (Throwable s : getSuppressed()) {
            e.addSuppressed(s);
        }
        return e;
    }

    /** Every attempt the connect made, in order (empty for failures outside a connect). */
    public List<ConnectAttempt> attempts() {
        return attempts;
    }

    /** The ORA/TNS error number associated with this failure (e.g. 12514), if any. */
    public OptionalInt oraCode() {
        return oraCode > 0 ? OptionalInt.of(oraCode) : OptionalInt.empty();
    }

    /**
     * The attempts as lines; identical attempts (same route, phase and outcome, e.g. every
     * RETRY_COUNT pass refused the same way) collapse into one line with a count.
     */
    private static String attemptLog(List<ConnectAttempt> attempts) {
        if (attempts == null || attempts.size() < 2) {
            return "";
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, ConnectAttempt> first = new LinkedHashMap<>();
        for (ConnectAttempt a : attempts) {
            String key = a.route() + "\u0000" + a.phase() + "\u0000" + a.outcome();
            counts.computeIfAbsent(key, k -> new int[1])[0]++;
            first.putIfAbsent(key, a);
        }
        StringBuilder b = new StringBuilder("\n  attempts:");
        for (Map.Entry<String, ConnectAttempt> e : first.entrySet()) {
            int n = counts.get(e.getKey())[0];
            b.append("\n    ").append(e.getValue()).append(n > 1 ? " (" + n + " identical attempts)" : "");
        }
        return b.toString();
    }
}
