package dev.orathin.internal.ttc;

import dev.orathin.CoreErrorCode;
import dev.orathin.OracleDatabaseException;
import dev.orathin.OrathinProtocolException;
import dev.orathin.internal.auth.O5Logon;
import dev.orathin.net.NetErrorCode;
import dev.orathin.net.NetException;
import dev.orathin.net.NetPacket;
import dev.orathin.net.NetSession;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Opens a database session on an Oracle Net session: PROTOCOL, DATA_TYPES, then O5LOGON phase one
 * and two (protocol.md §5–§6), four round trips — two when the ACCEPT offers FAST_AUTH (§5.5),
 * which sends the first three in one request.
 */
public final class Login {

    /**
     * Who logs in and how the session describes itself (python-oracledb's AUTH_* keys).
     *
     * @param user the user (or {@code user[proxy]})
     * @param password the password (cleared by the caller afterwards)
     * @param newPassword a new password to set (expired accounts), or null
     * @param program AUTH_PROGRAM_NM
     * @param machine AUTH_MACHINE
     * @param osUser AUTH_SID
     * @param pid AUTH_PID
     * @param driverName SESSION_CLIENT_DRIVER_NAME (shows in V$SESSION_CONNECT_INFO)
     * @param timeZone the session time zone for ALTER SESSION, e.g. {@code +01:00}
     */
    public record Credentials(String user, char[] password, char[] newPassword, String program, String machine, String osUser,
            String pid, String driverName, String timeZone) {
        /** Never shows the passwords. */
        @Override
        public String toString() {
            return "Credentials[user=" + user + "]";
        }
    }

    /**
     * The logged-in session.
     *
     * @param capabilities negotiated capabilities (field version, charsets, banner)
     * @param sessionId AUTH_SESSION_ID
     * @param serialNumber AUTH_SERIAL_NUM
     * @param versionNumber AUTH_VERSION_NO
     * @param values every session value the server returned (no secrets: keys and passwords are not kept)
     * @param roundTrips TTC round trips used
     * @param warning the login reply's WARNING (ORA-28002 in the password's grace period), or null
     */
    public record Session(Capabilities capabilities, long sessionId, long serialNumber, long versionNumber, Map<String, String> values,
            int roundTrips, dev.orathin.ServerWarning warning) {

        /** A session without a login warning. */
        public Session(Capabilities capabilities, long sessionId, long serialNumber, long versionNumber, Map<String, String> values,
                int roundTrips) {
            this(capabilities, sessionId, serialNumber, versionNumber, values, roundTrips, null);
        }
    }

    private final NetSession net;
    private final Duration timeout;
    /** When the whole login must be done: the timeout bounds the login as a whole, not each read. */
    private long deadline;
    private final SecureRandom random;
    private int sequence;
    /** The FAST_AUTH flag python and node send. */
    static final int FAST_AUTH_SERVER_CONVERTS_CHARS = 0x01;

    /** Logs in over {@code net}; the whole login (every round trip together) is bounded by {@code timeout}. */
    public Login(NetSession net, Duration timeout, SecureRandom random) {
        this.net = net;
        this.timeout = timeout;
        this.random = random;
    }

    /** Runs the whole login. */
    public Session run(Credentials c) {
        Capabilities caps = new Capabilities();
        caps.endOfResponse(net.endOfResponseSupported());
        deadline = System.nanoTime() + timeout.toNanos();
        TtcReader r = new TtcReader(() -> net.receive(left()));
        List<AuthExchange.Pair> one = List.of(new AuthExchange.Pair("AUTH_TERMINAL", "unknown", 0),
                new AuthExchange.Pair("AUTH_PROGRAM_NM", c.program(), 0), new AuthExchange.Pair("AUTH_MACHINE", c.machine(), 0),
                new AuthExchange.Pair("AUTH_PID", c.pid(), 0), new AuthExchange.Pair("AUTH_SID", c.osUser(), 0));
        String[] users = splitProxy(c.user());
        int roundTrips = 4;
        AuthExchange.Reply first = null;
        if (net.fastAuthSupported()) {
            // FAST_AUTH (protocol.md §5.5): PROTOCOL, DATA_TYPES and phase one in one request, at field version 13
            byte[] phaseOne = AuthExchange.message(TtcCodes.FN_AUTH_PHASE_ONE, nextSequence(), caps.fieldVersion(), users[0],
                    AuthExchange.MODE_LOGON, one);
            net.send(new TtcWriter().ub1(TtcCodes.MSG_FAST_AUTH).ub1(1).ub1(FAST_AUTH_SERVER_CONVERTS_CHARS).ub1(0)
                    .raw(Negotiation.protocolRequest()).uint16be(0).ub1(0).uint16be(0).ub1(caps.fieldVersion())
                    .raw(Negotiation.dataTypesRequest(caps)).raw(phaseOne).toByteArray(), 0);
            expect(r, TtcCodes.MSG_PROTOCOL, "FAST_AUTH PROTOCOL", caps);
            Negotiation.readProtocolReply(r, caps);
            int t = r.ub1();
            if (t == TtcCodes.MSG_RENEGOTIATE) {
                // the server wants the data types again (node-oracledb's handling): negotiate them, then phase one
                roundTrips = 4;
            } else if (t != TtcCodes.MSG_DATA_TYPES) {
                throw new OrathinProtocolException(CoreErrorCode.UNEXPECTED_MESSAGE, "FAST_AUTH reply: expected DATA_TYPES (2) but found " + t);
            } else {
                Negotiation.readDataTypesReply(r);
                first = readAuthReply(r, caps);
                roundTrips = 2;
            }
        } else {
            net.send(Negotiation.protocolRequest(), 0);
            expect(r, TtcCodes.MSG_PROTOCOL, "PROTOCOL", caps);
            Negotiation.readProtocolReply(r, caps);
        }
        if (first == null) {
            net.send(Negotiation.dataTypesRequest(caps), 0);
            r.reset();
            expect(r, TtcCodes.MSG_DATA_TYPES, "DATA_TYPES", caps);
            Negotiation.readDataTypesReply(r);
            net.send(AuthExchange.message(TtcCodes.FN_AUTH_PHASE_ONE, nextSequence(), caps.fieldVersion(), users[0],
                    AuthExchange.MODE_LOGON, one), 0);
            r.reset();
            first = readAuthReply(r, caps);
        }
        int fv = caps.fieldVersion();
        first.end().throwIfError();
        Map<String, String> v = first.values();
        O5Logon.Challenge challenge = new O5Logon.Challenge(first.verifierType(), v.get("AUTH_SESSKEY"), v.get("AUTH_VFR_DATA"),
                v.get("AUTH_PBKDF2_CSK_SALT"), parse(v.get("AUTH_PBKDF2_VGEN_COUNT")), parse(v.get("AUTH_PBKDF2_SDER_COUNT")));
        O5Logon.Response resp = O5Logon.respond(challenge, c.password(), random);

        List<AuthExchange.Pair> two = new ArrayList<>();
        if (users[1] != null) {
            // the key on the wire is PROXY_CLIENT_NAME (python, node; ojdbc names its constant AUTH_PROXY_CLIENT_NAME)
            two.add(new AuthExchange.Pair("PROXY_CLIENT_NAME", users[1], 0));
        }
        two.add(new AuthExchange.Pair("AUTH_SESSKEY", resp.sessionKey(), AuthExchange.FLAG_SPECIAL));
        if (resp.speedyKey() != null) {
            two.add(new AuthExchange.Pair("AUTH_PBKDF2_SPEEDY_KEY", resp.speedyKey(), 0));
        }
        two.add(new AuthExchange.Pair("AUTH_PASSWORD", resp.password(), 0));
        int mode = AuthExchange.MODE_LOGON | AuthExchange.MODE_WITH_PASSWORD;
        if (c.newPassword() != null) {
            two.add(new AuthExchange.Pair("AUTH_NEWPASSWORD", O5Logon.encryptNewPassword(resp.comboKey(), c.newPassword(), random), 0));
            mode |= AuthExchange.MODE_CHANGE_PASSWORD;
        }
        two.add(new AuthExchange.Pair("SESSION_CLIENT_CHARSET", "873", 0));
        two.add(new AuthExchange.Pair("SESSION_CLIENT_DRIVER_NAME", c.driverName(), 0));
        two.add(new AuthExchange.Pair("SESSION_CLIENT_VERSION", String.valueOf((1 << 24) | (0 << 20) | (0 << 12)), 0));
        if (c.timeZone() != null) {
            two.add(new AuthExchange.Pair("AUTH_ALTER_SESSION", "ALTER SESSION SET TIME_ZONE='" + c.timeZone() + "'\0",
                    AuthExchange.FLAG_SPECIAL));
        }
        net.send(AuthExchange.message(TtcCodes.FN_AUTH_PHASE_TWO, nextSequence(), fv, users[0], mode, two), 0);
        r.reset();
        AuthExchange.Reply second = readAuthReply(r, caps);
        second.end().throwIfError();
        String svr = second.values().get("AUTH_SVR_RESPONSE");
        if (svr == null) {
            throw new OrathinProtocolException(CoreErrorCode.SERVER_NOT_AUTHENTICATED, "O5LOGON: the server sent no AUTH_SVR_RESPONSE");
        }
        O5Logon.verifyServer(resp.comboKey(), svr);
        java.util.Arrays.fill(resp.comboKey(), (byte) 0);
        Map<String, String> session = new java.util.LinkedHashMap<>(second.values());
        session.remove("AUTH_SVR_RESPONSE");
        return new Session(caps, parseLong(session.get("AUTH_SESSION_ID"), "AUTH_SESSION_ID"),
                parseLong(session.get("AUTH_SERIAL_NUM"), "AUTH_SERIAL_NUM"), parseLong(session.getOrDefault("AUTH_VERSION_NO", "0"),
                "AUTH_VERSION_NO"), Map.copyOf(session), roundTrips, second.warning());
    }

    /**
     * An auth reply; when the server answers with a break (or interrupt) and a reset marker instead —
     * a 10.2 server does so to a failed logon (real-packets pcap-wireshark-tns-oracle1.txt, packets
     * 17–20) — sends the client's reset, skips to the next DATA packet and reads the ERROR that follows,
     * so the caller sees the ORA error instead of a raw marker.
     */
    private AuthExchange.Reply readAuthReply(TtcReader r, Capabilities caps) {
        for (int markers = 0; ; markers++) {
            try {
                return AuthExchange.readReply(r, caps, net.endOfResponseSupported());
            } catch (TtcReader.MarkerException m) {
                if (markers > 0) {
                    throw new OrathinProtocolException(CoreErrorCode.UNEXPECTED_MESSAGE, "login: a second break marker after the reset");
                }
                net.sendMarker(TtcCodes.MARKER_RESET);
                int type = m.markerType();
                NetPacket p = net.receive(left());
                while (p.isMarker() && type != TtcCodes.MARKER_RESET) {
                    type = p.payload().length >= 3 ? p.payload()[2] & 0xFF : 0;
                    p = net.receive(left());
                }
                while (p.isMarker()) {
                    p = net.receive(left());
                }
                r.push(p);
            }
        }
    }

    /**
     * What is left of the login's bound for the next read; once it is spent the login ends with
     * OTN-3005, as a slow server (each reply just inside a per-read bound) must not stretch a
     * login past the caller's connect timeout.
     */
    private Duration left() {
        long n = deadline - System.nanoTime();
        if (n <= 0) {
            throw new NetException(NetErrorCode.OVERALL_TIMEOUT, "login: the connect timeout of " + timeout.toMillis()
                    + " ms left for the login expired before the server finished it (" + sequence + " login message(s) sent)");
        }
        return Duration.ofNanos(n);
    }

    private int nextSequence() {
        sequence = sequence % 255 + 1;
        return sequence;
    }

    private static void expect(TtcReader r, int type, String what, Capabilities caps) {
        int t = r.ub1();
        if (t == TtcCodes.MSG_ERROR) {
            ErrorInfo.read(r, caps).throwIfError();
        }
        if (t != type) {
            throw new OrathinProtocolException(CoreErrorCode.UNEXPECTED_MESSAGE, what + " reply: expected message type " + type
                    + " but found " + t);
        }
    }

    /** {@code proxy_user[target_user]}: the outer name authenticates, the bracketed one goes in PROXY_CLIENT_NAME. */
    static String[] splitProxy(String user) {
        int open = user.indexOf('[');
        if (open > 0 && user.endsWith("]")) {
            return new String[] {user.substring(0, open), user.substring(open + 1, user.length() - 1)};
        }
        return new String[] {user, null};
    }

    private static int parse(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long parseLong(String s, String key) {
        try {
            return Long.parseLong(s.trim());
        } catch (RuntimeException e) {
            throw new OrathinProtocolException(CoreErrorCode.AUTH_PROTOCOL, "login reply: " + key + " missing or not a number");
        }
    }

    /** Whether an exception is the wrong-password answer (ORA-01017). */
    public static boolean isInvalidCredentials(RuntimeException e) {
        return e instanceof OracleDatabaseException d && d.oraCode() == 1017;
    }
}
