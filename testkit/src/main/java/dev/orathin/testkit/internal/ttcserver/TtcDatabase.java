package dev.orathin.testkit.internal.ttcserver;

import dev.orathin.testkit.spi.DatabaseHandler;
import dev.orathin.testkit.spi.ServerNetSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The testkit's database half: TTC negotiation (PROTOCOL, DATA_TYPES), the server side of O5LOGON
 * with 12C verifiers (protocol.md §6.6), PING, LOGOFF, break/reset, and SQL run by H2 in Oracle
 * mode — each session its own H2 connection to one shared in-memory database — answered in
 * Oracle's wire layouts ({@link SqlSession}).
 *
 * <p>Layouts follow TTC field version 13 (19c ext1, protocol.md §12.9): the smallest that all
 * three reference clients accept.
 */
public class TtcDatabase implements DatabaseHandler, AutoCloseable {

    /** Field version this server announces. */
    static final int FIELD_VERSION = 13;
    /** Banner in the PROTOCOL reply. */
    public static final String BANNER = "Oracle Database 23ai (orathin testkit)"; // node reads at most 48 bytes
    /** The full banner, as {@code v$version} shows it. */
    static final String VERSION_BANNER = "Oracle Database 23ai Free Release 23.0.0.0.0 - Develop, Learn, and Run for Free\n"
            + "Version 23.4.0.24.05 (orathin testkit on H2)";
    /** AUTH_VERSION_NO: 23.4.0.0.0 in the format of field version >= 11 (protocol.md §5.4). */
    static final long VERSION_NUMBER = (23L << 24) | (4L << 16);
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final AtomicLong SESSION_IDS = new AtomicLong(100);

    /** {@code ORATHIN_TESTKIT_TRACE=1}: hex of every TTC request and reply on stderr (never enable with real secrets). */
    private static final boolean TRACE = "1".equals(System.getenv("ORATHIN_TESTKIT_TRACE"));

    /**
     * The bytes for the ORATHIN_TESTKIT_TRACE dump, or a placeholder when {@code request} is part of
     * the login's authentication (FAST_AUTH 34, AUTH phase one 0x76 / two 0x73): those requests and
     * their replies carry session keys and the encrypted password, which no trace shows.
     */
    static String traced(byte[] request, byte[] bytes) {
        boolean auth = request.length > 0 && ((request[0] & 0xFF) == 34
                || request.length > 1 && (request[0] & 0xFF) == 3 && ((request[1] & 0xFF) == 0x73 || (request[1] & 0xFF) == 0x76));
        return auth ? "[" + bytes.length + " bytes of authentication, not shown]" : HexFormat.of().formatHex(bytes);
    }
    private static final AtomicLong DATABASE_IDS = new AtomicLong();
    private static final ServerNetSession.Packet END = new ServerNetSession.Packet(-1, 0, 0, new byte[0]);
    /** How long the server waits for the client's RESET after it sent BREAK. */
    private static final long RESET_WAIT_MILLIS = 10_000;

    private final Map<String, Account> users = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, java.util.Set<String>> proxies = new java.util.concurrent.ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final String h2Url;
    private final AtomicLong fastAuthRequests = new AtomicLong();
    private Connection keeper;

    /** A database accepting these users (names case-insensitive, as unquoted Oracle identifiers). */
    public TtcDatabase(Map<String, char[]> users) {
        users.forEach((u, p) -> account(u, p, false, false, false));
        this.h2Url = "jdbc:h2:mem:orathin_testkit_" + DATABASE_IDS.incrementAndGet()
                + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE"; // not reserved in Oracle (NLS_* views have VALUE)
    }

    /**
     * One database account. {@code verifier11g}: the password has only an 11G verifier (SHA-1,
     * AES-192; protocol.md §6); {@code locked}: logins get ORA-28000; {@code expired}: logins get
     * ORA-28001 unless they change the password in the same logon.
     */
    protected static final class Account {
        volatile char[] password;
        final boolean verifier11g;
        final boolean locked;
        volatile boolean expired;
        /** Logins succeed with the warning ORA-28002 (the password will expire soon). */
        volatile boolean expiring;

        Account(char[] password, boolean verifier11g, boolean locked, boolean expired) {
            this.password = password;
            this.verifier11g = verifier11g;
            this.locked = locked;
            this.expired = expired;
        }
    }

    /** Adds or replaces an account (names case-insensitive, as unquoted Oracle identifiers). */
    protected final void account(String name, char[] password, boolean verifier11g, boolean locked, boolean expired) {
        users.put(name.toUpperCase(Locale.ROOT), new Account(password.clone(), verifier11g, locked, expired));
    }

    /** Makes logins of an existing account succeed with the warning ORA-28002, as when its password expires soon. */
    protected final void passwordExpiresSoon(String name) {
        Account a = users.get(name.toUpperCase(Locale.ROOT));
        if (a == null) {
            throw new IllegalArgumentException("no account " + name);
        }
        a.expiring = true;
    }

    /** Lets {@code proxyUser} open sessions as {@code clientUser} ({@code proxy[client]} logins). */
    protected final void grantProxy(String proxyUser, String clientUser) {
        proxies.computeIfAbsent(proxyUser.toUpperCase(Locale.ROOT), k -> java.util.concurrent.ConcurrentHashMap.newKeySet())
                .add(clientUser.toUpperCase(Locale.ROOT));
    }

    /** The current password of an account (after a password change at logon, for tests), or null. */
    public char[] password(String user) {
        Account a = users.get(user.toUpperCase(Locale.ROOT));
        return a == null ? null : a.password.clone();
    }

    /** How many logons came as FAST_AUTH requests (the listener offers it with {@code fastAuth(true)}). */
    public long fastAuthRequests() {
        return fastAuthRequests.get();
    }

    /** Opens a JDBC connection to the shared H2 database (to seed or inspect data in tests). */
    public synchronized Connection h2() throws SQLException {
        if (keeper == null) {
            keeper = DriverManager.getConnection(h2Url, "", "");
            try (Statement s = keeper.createStatement()) {
                s.execute("CREATE ALIAS IF NOT EXISTS ORATHIN_SLEEP FOR \"" + TestkitFunctions.class.getName() + ".sleep\"");
                // VECTOR columns: the image in a VARBINARY domain, so a describe can tell them from RAW
                s.execute("CREATE DOMAIN IF NOT EXISTS " + VectorData.DOMAIN + " AS VARBINARY(1048576)");
                s.execute("CREATE ALIAS IF NOT EXISTS TO_VECTOR FOR \"" + TestkitFunctions.class.getName() + ".toVector\"");
            }
            DataDictionary.install(keeper, VERSION_BANNER, users.keySet());
        }
        return DriverManager.getConnection(h2Url, "", "");
    }

    /** Drops the in-memory database. */
    @Override
    public synchronized void close() {
        if (keeper != null) {
            try (Statement s = keeper.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // already shut down
            }
            keeper = null;
        }
    }

    @Override
    public void serve(ServerNetSession session) throws IOException {
        Conversation c = new Conversation(session);
        BlockingQueue<ServerNetSession.Packet> queue = new LinkedBlockingQueue<>();
        Thread pump = new Thread(() -> pump(session, queue, c), "orathin-testkit-reader");
        pump.setDaemon(true);
        pump.start();
        try {
            serve(session, queue, c);
        } finally {
            c.close();
            pump.interrupt();
        }
    }

    /** Reads packets into the queue; a BREAK or INTERRUPT marker during a call cancels the call. */
    private static void pump(ServerNetSession session, BlockingQueue<ServerNetSession.Packet> queue, Conversation c) {
        try {
            ServerNetSession.Packet p;
            while ((p = session.read()) != null) {
                if (p.type() == 12 && c.callRunning && p.payload().length >= 3 && (p.payload()[2] == 1 || p.payload()[2] == 3)) {
                    c.cancel();
                    continue;
                }
                queue.add(p);
            }
        } catch (IOException | RuntimeException e) {
            // end of the connection (or the server's read timeout): the serving loop ends below
        } finally {
            queue.add(END);
        }
    }

    private void serve(ServerNetSession session, BlockingQueue<ServerNetSession.Packet> queue, Conversation c) throws IOException {
        byte[] pending = null; // a request spread over DATA packets, collected in a buffer that doubles
        int pendingLength = 0;
        int needed = 0; // parsing again before this many bytes are here cannot get further (Truncated.needed)
        while (true) {
            ServerNetSession.Packet p = take(queue);
            if (p == END) {
                return;
            }
            if (p.type() == 12) {
                int marker = p.payload().length >= 3 ? p.payload()[2] : 2;
                if (marker == 2) {
                    session.writeMarker(2); // answer a reset with a reset (protocol.md §9)
                } else {
                    breakAndReset(session, queue, c);
                }
                pending = null;
                pendingLength = 0;
                needed = 0;
                continue;
            }
            if (p.type() != 6) {
                continue;
            }
            if (p.dataFlags() == 0x0040) {
                return; // EOF: the client closed the session
            }
            byte[] m;
            if (pending == null) {
                m = p.payload();
            } else {
                byte[] more = p.payload();
                if (pendingLength + more.length > pending.length) {
                    pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + more.length));
                }
                System.arraycopy(more, 0, pending, pendingLength, more.length);
                pendingLength += more.length;
                if (pendingLength < needed) {
                    continue; // a long value is still arriving: parsing now would stop at the same place
                }
                m = Arrays.copyOf(pending, pendingLength);
            }
            if (m.length == 0) {
                continue;
            }
            byte[] reply;
            try {
                if (TRACE) {
                    System.err.println("testkit <- " + traced(m, m));
                }
                reply = c.handle(m);
            } catch (Ttc.Truncated t) {
                if (pending == null) {
                    pending = Arrays.copyOf(m, Math.max(m.length * 2, 16));
                    pendingLength = m.length;
                }
                needed = t.needed; // the request continues in the next DATA packet
                continue;
            }
            pending = null;
            pendingLength = 0;
            needed = 0;
            if (reply == null) {
                return;
            }
            if (c.cancelled()) {
                breakAndReset(session, queue, c);
                continue;
            }
            if (TRACE) {
                System.err.println("testkit -> " + traced(m, reply));
            }
            c.write(reply);
        }
    }

    /** Interrupted call: BREAK, wait for the client's RESET, RESET, then ORA-01013 (protocol.md §9). */
    private static void breakAndReset(ServerNetSession session, BlockingQueue<ServerNetSession.Packet> queue, Conversation c)
            throws IOException {
        session.writeMarker(1);
        long deadline = System.currentTimeMillis() + RESET_WAIT_MILLIS;
        while (true) {
            ServerNetSession.Packet p;
            try {
                p = queue.poll(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (p == null || p == END) {
                session.close();
                return;
            }
            if (p.type() == 12 && p.payload().length >= 3 && p.payload()[2] == 2) {
                break;
            }
        }
        session.writeMarker(2);
        c.clearCancel();
        c.write(new Ttc.Out().error(0, 0, 1013, "ORA-01013: user requested cancel of current operation").bytes());
    }

    private static ServerNetSession.Packet take(BlockingQueue<ServerNetSession.Packet> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return END;
        }
    }

    /** One session's state. */
    private final class Conversation {
        final ServerNetSession session;
        volatile boolean callRunning;
        /** Whether the client announced CONV_LENGTH (length-prefixed strings in some messages). */
        boolean convLength;
        /** SYS_CONTEXT('USERENV', ...) values: session user, end-to-end attributes, service. */
        final Map<String, String> userenv = new java.util.concurrent.ConcurrentHashMap<>();
        SqlSession.ClientTypes clientTypes = new SqlSession.ClientTypes(false, false, false, false, false, false);
        SqlSession sql;
        int clientFieldVersion = FIELD_VERSION;
        String user;
        Account account;
        int keyLength;
        byte[] salt;
        byte[] aesKey;
        byte[] serverSk;
        byte[] cskSalt;
        boolean loggedIn;
        /** END_OF_RESPONSE ends every reply: the profile offers it and the client asked (compile caps TTC4). */
        boolean endOfResponse;

        Conversation(ServerNetSession session) {
            this.session = session;
        }

        /** Writes one complete reply, ended as the profile's server ends it. */
        void write(byte[] reply) throws IOException {
            if (endOfResponse) {
                session.writeData(ProfileReplies.DATA_FLAGS_END_OF_RESPONSE, ProfileReplies.withEnd(reply));
            } else {
                session.writeData(0, reply);
            }
        }

        void cancel() {
            SqlSession s = sql;
            if (s != null) {
                s.cancel();
            }
        }

        boolean cancelled() {
            return sql != null && sql.cancelled;
        }

        void clearCancel() {
            if (sql != null) {
                sql.cancelled = false;
            }
        }

        void close() {
            if (sql != null) {
                sql.close();
            }
        }

        SqlSession sql() throws SQLException {
            if (sql == null) {
                Connection h2 = h2();
                try (Statement s = h2.createStatement()) {
                    s.execute(DataDictionary.searchPath());
                }
                h2.setAutoCommit(false);
                sql = new SqlSession(h2, clientTypes, userenv);
            }
            return sql;
        }

        byte[] handle(byte[] m) {
            try {
                switch (m[0]) {
                    case 1:
                        return protocolReply();
                    case 2:
                        dataTypes(new Ttc.In(m));
                        return new byte[] {2, 0, 0};
                    case 34:
                        return fastAuth(m);
                    case 3:
                        return function(m);
                    case 17: {
                        Ttc.In in = new Ttc.In(m);
                        while (in.peek() == 17) {
                            in.u8();
                            piggyback(in);
                        }
                        byte[] rest = in.peekAll();
                        return function(rest);
                    }
                    default:
                        return new Ttc.Out().error(0, 0, 3001, "ORA-03001: unimplemented feature (TTC message type " + m[0]
                                + " in the orathin testkit)").bytes();
                }
            } catch (Ttc.Truncated t) {
                throw t;
            } catch (RuntimeException | GeneralSecurityException e) {
                return new Ttc.Out().error(0, 0, 600, "ORA-00600: internal error in the orathin testkit: " + e.getMessage()).bytes();
            }
        }

        /** PROTOCOL reply (protocol.md §12.5). */
        byte[] protocolReply() {
            byte[] fdo = new byte[16];
            fdo[9] = 0x07; // national charset AL16UTF16 (2000) at ix + 3 with fdo[5] = fdo[6] = 0
            fdo[10] = (byte) 0xD0;
            byte[] compile = new byte[55];
            compile[0] = 6;
            compile[4] = 0x02 | 0x08 | 0x20; // O5LOGON_NP, O5LOGON, O7LOGON
            compile[7] = FIELD_VERSION;
            compile[15] = 0x01; // TTC1 end-of-call status: ERROR messages start with it (ojdbc reads it only then)
            compile[16] = 0x01; // FSAP: ERROR carries the end-to-end sequence after it (ojdbc reads it only then; python/node always)
            compile[27] = 1;
            // TTC3 BIG_CHUNK_CLR: long CLR values come in chunks with ub4 lengths (what this server writes and reads);
            // without it ojdbc11 sends its large VECTOR binds in 64-byte chunks with one-byte lengths
            compile[37] = 0x20;
            byte[] runtime = new byte[11];
            runtime[0] = 2;
            return new Ttc.Out().u8(1).u8(6).u8(0).raw(ProfileReplies.protocolBanner(session.profile()).getBytes(StandardCharsets.US_ASCII)).u8(0).u16le(873).u8(0).u16le(0)
                    .u16be(fdo.length).raw(fdo).clr(compile).clr(runtime).bytes();
        }

        /**
         * FAST_AUTH (message 34, protocol.md §5.5), offered in ACCEPT by {@code fastAuth(true)}: the
         * PROTOCOL request, four charset bytes and a field version, DATA_TYPES and auth phase one in
         * one request, answered by the three replies in one response (one round trip fewer).
         */
        byte[] fastAuth(byte[] m) throws GeneralSecurityException {
            fastAuthRequests.incrementAndGet();
            Ttc.In in = new Ttc.In(m);
            in.raw(4); // 34, fast-auth version, two flags
            in.u8(); // PROTOCOL request: message type, versions up to 0, client name up to NUL
            while (in.u8() != 0) {
                // protocol versions
            }
            while (in.u8() != 0) {
                // client name
            }
            in.raw(5); // server charset, flag, ncharset (python and node send zeros, ojdbc real values)
            int requestVersion = in.u8(); // field version of this request: 13 (python, node) or the client's own (ojdbc: 24)
            dataTypes(in);
            int negotiated = clientFieldVersion;
            clientFieldVersion = requestVersion; // the auth request's header carries a token from 18 on (ojdbc)
            try {
                byte[] phaseOne = function(in.peekAll());
                // the replies are read after the PROTOCOL reply has set field version 13 on the client
                return new Ttc.Out().raw(protocolReply()).raw(new byte[] {2, 0, 0}).raw(phaseOne).bytes();
            } finally {
                clientFieldVersion = negotiated;
            }
        }

        /**
         * Takes the client's field version from its compile caps in DATA_TYPES, and from its type
         * list whether it knows BOOLEAN (252), the 12.2 column metadata format OAC (646) and how it
         * wants SB1 values (27) represented: precision and scale in column metadata follow them.
         */
        void dataTypes(Ttc.In in) {
            byte[] head = in.raw(6);
            convLength = (head[5] & 0x02) != 0; // TNS_ENCODING_CONV_LENGTH
            byte[] caps = in.clr();
            endOfResponse = ProfileReplies.endOfResponse(session.profile(), session.version(), caps);
            if (caps != null && caps.length > 7) {
                clientFieldVersion = Math.min(FIELD_VERSION, caps[7] & 0xFF);
            }
            boolean bool = false;
            boolean vector = false;
            boolean json = false;
            boolean oac = false;
            boolean sb1Universal = false;
            try {
                byte[] runtime = in.clr();
                if (runtime != null && runtime.length > 1 && (runtime[1] & 0x01) != 0) {
                    in.raw(11); // TZ_EX: the client's time zone as an INTERVAL DAY TO SECOND (node-oracledb)
                }
                int type;
                while (in.hasMore() && (type = in.u16be()) != 0) {
                    int conv = in.u16be();
                    int rep = -1;
                    if (conv != 0) {
                        rep = in.u16be();
                        in.u16be();
                    }
                    if (type == 27) {
                        sb1Universal = rep == 1;
                    }
                    bool |= type == OraType.BOOLEAN;
                    vector |= type == OraType.VECTOR;
                    json |= type == OraType.JSON;
                    oac |= type == 646;
                }
            } catch (IllegalArgumentException e) {
                // a shorter list than expected: keep what was read
            }
            boolean lobSizes = caps != null && caps.length > 23 && (caps[23] & 0x40) != 0;
            clientTypes = new SqlSession.ClientTypes(bool, oac, sb1Universal, lobSizes, vector, json);
        }

        byte[] function(byte[] m) throws GeneralSecurityException {
            Ttc.In in = new Ttc.In(m);
            in.u8();
            int code = in.u8();
            Ttc.SEQUENCE.set(in.u8());
            Requests.WIDE_SCALE.set(clientTypes.sb1Universal());
            if (clientFieldVersion >= 18) {
                in.ub();
            }
            if (loggedIn) {
                byte[] reply = sqlFunction(code, in);
                if (reply != null) {
                    return reply;
                }
            }
            switch (code) {
                case 118:
                    session.redactRecording(true);
                    return phaseOne(in);
                case 115:
                    try {
                        return phaseTwo(in);
                    } finally {
                        session.redactRecording(false);
                    }
                case 147:
                case 9:
                    return new Ttc.Out().error(0, 0, 0, null).bytes();
                default:
                    return new Ttc.Out().error(0, 0, 3001, "ORA-03001: unimplemented feature (function " + code
                            + " in the orathin testkit)").bytes();
            }
        }

        /** SQL calls (protocol.md §7); {@code null} for functions handled elsewhere. */
        byte[] sqlFunction(int code, Ttc.In in) {
            try {
                switch (code) {
                    case 94:
                        Requests.Execute e = Requests.execute(in, id -> sql == null ? null : sql.savedBinds(id),
                                id -> sql == null ? null : sql.savedSql(id));
                        return call(() -> sql().execute(e));
                    case 4:
                    case 78:
                        return call(() -> sql().reexecute(code, in));
                    case 5:
                        int cursor = (int) in.ub();
                        long rows = in.ub();
                        return call(() -> sql().fetch(cursor, rows));
                    case 59: { // OVERSION: banner and version number (what ojdbc's getDatabaseProductVersion asks)
                        byte[] banner = ProfileReplies.versionBanner(session.profile()).getBytes(StandardCharsets.UTF_8);
                        return new Ttc.Out().u8(8).ub(banner.length).raw(banner).ub(ProfileReplies.versionNumber(session.profile()))
                                .error(0, 0, 0, null).bytes();
                    }
                    case 96:
                        return call(() -> sql().lobOp(in));
                    case 14: { // 23ai adds a session-state piggyback ahead of the COMMIT reply
                        byte[] reply = call(() -> sql().commitCall());
                        return new Ttc.Out().raw(ProfileReplies.piggyback(session.profile())).raw(reply).bytes();
                    }
                    case 15:
                        return call(() -> sql().rollbackCall());
                    case 9:
                        if (sql != null) {
                            sql.close();
                            sql = null;
                        }
                        return null;
                    default:
                        return null;
                }
            } catch (SQLException e) {
                return new Ttc.Out().error(0, 0, 600, "ORA-00600: internal error code, arguments: [orathin testkit], ["
                        + e.getMessage() + "]").bytes();
            } catch (UnsupportedOperationException e) {
                return new Ttc.Out().error(0, 0, 3001, "ORA-03001: unimplemented feature (" + e.getMessage()
                        + " in the orathin testkit)").bytes();
            }
        }

        private byte[] call(SqlCall call) throws SQLException {
            callRunning = true;
            SqlSession.CURRENT.set(sql());
            try {
                return call.run();
            } finally {
                callRunning = false;
                SqlSession.CURRENT.remove();
            }
        }

        /** Piggybacked calls (message 17) ahead of the main function: close cursors, end-to-end attributes. */
        void piggyback(Ttc.In in) {
            int code = in.u8();
            in.u8(); // sequence
            if (clientFieldVersion >= 18) {
                in.ub();
            }
            switch (code) {
                case 120: // cancel cursors (ojdbc, ahead of closing them): same layout as 105
                    in.u8();
                    for (long i = 0, n = in.ub(); i < n; i++) {
                        in.ub();
                    }
                    break;
                case 105: // close cursors
                    in.u8();
                    long n = in.ub();
                    for (long i = 0; i < n; i++) {
                        int id = (int) in.ub();
                        if (sql != null) {
                            sql.closeCursor(id);
                        }
                    }
                    break;
                case 135: // end-to-end attributes: pointers and lengths, then the strings
                    endToEnd(in);
                    break;
                case 96: // free temporary LOBs, an array of locators (python / node _write_close_temp_lobs_piggyback)
                    freeTemporaryLobs(in);
                    break;
                case 152: // current schema
                    in.u8();
                    in.raw((int) in.ub());
                    break;
                default:
                    throw new UnsupportedOperationException("piggybacked function " + code);
            }
        }

        /**
         * The close-temporary-LOBs piggyback (LOB_OP 96 with FREE_TEMP | ARRAY): pointer, total
         * locator bytes, the unused source/destination/offset/charset fields, the op code, the SCN
         * fields, three unused array-LOB pairs, then the locators back to back (each carries its own
         * length in its first two bytes plus two).
         */
        private void freeTemporaryLobs(Ttc.In in) {
            in.u8(); // pointer
            int total = (int) in.ub();
            in.u8();
            in.ub(); // dest locator
            in.ub();
            in.ub(); // source locator
            in.u8();
            in.u8(); // offsets
            in.u8(); // charset
            in.ub(); // op code (0x80111)
            in.u8();
            in.ub(); // scn
            in.ub();
            in.ub(); // lob scnl
            in.u8();
            for (int i = 0; i < 3; i++) { // array LOB fields
                in.u8();
                in.ub();
            }
            byte[] all = in.raw(total);
            for (int at = 0; at + 2 <= all.length;) {
                int len = ((all[at] & 0xFF) << 8 | all[at + 1] & 0xFF) + 2;
                if (len < 3 || at + len > all.length) {
                    break;
                }
                if (sql != null) {
                    sql.lobs.free(java.util.Arrays.copyOfRange(all, at, at + len));
                }
                at += len;
            }
        }

        /**
         * End-to-end attributes (piggyback 135, python-oracledb's layout): two pointers, flags, eight
         * pointer/length pairs (client identifier, module, action, ECID, then client info, two unused,
         * DBOP; a ub1 and a ub4 after the fourth), then the strings that are present — raw, or
         * length-prefixed for clients that announced CONV_LENGTH in DATA_TYPES (python 1.3+, node, orathin).
         */
        private void endToEnd(Ttc.In in) {
            in.u8();
            in.u8();
            in.ub(); // flags
            long[] lengths = new long[8];
            boolean[] present = new boolean[8];
            for (int i = 0; i < 8; i++) {
                present[i] = in.u8() != 0;
                lengths[i] = in.ub();
                if (i == 3) {
                    in.u8(); // cidcct
                    in.ub(); // cidecs
                }
            }
            String[] names = {"CLIENT_IDENTIFIER", "MODULE", "ACTION", null, "CLIENT_INFO", null, null, "DBOP"};
            for (int i = 0; i < 8; i++) {
                if (names[i] == null || !present[i]) {
                    continue;
                }
                String value = null;
                if (lengths[i] > 0) {
                    byte[] b = convLength ? in.clr() : in.raw((int) lengths[i]);
                    value = b == null ? null : new String(b, StandardCharsets.UTF_8);
                }
                if (value == null) {
                    userenv.remove(names[i]);
                } else {
                    userenv.put(names[i], value);
                }
            }
        }

        Map<String, String> pairs(Ttc.In in) {
            in.u8(); // user pointer
            long userLength = in.ub();
            in.ub(); // mode
            in.u8();
            long count = in.ub();
            in.u8();
            in.u8();
            if (userLength > 0) {
                // current clients send the user as a CLR; python-oracledb 1.x sends the raw bytes (the
                // length is in the field above). A user name never starts with a byte below 0x20.
                int first = in.peek();
                byte[] u = first == userLength && first < 0x20 + 0x60 && !Character.isLetter(first) ? in.clr() : in.raw((int) userLength);
                user = new String(u, StandardCharsets.UTF_8);
            }
            Map<String, String> kv = new HashMap<>();
            for (long i = 0; i < count; i++) {
                String k = in.twoLengths();
                String v = in.twoLengths();
                in.ub();
                kv.put(k, v);
            }
            return kv;
        }

        /** Phase one: the 12C challenge; unknown users get one too, so nothing is revealed before phase two. */
        byte[] phaseOne(Ttc.In in) throws GeneralSecurityException {
            pairs(in);
            account = user == null ? null : users.get(user.toUpperCase(Locale.ROOT));
            boolean v11g = account != null && account.verifier11g;
            keyLength = v11g ? 24 : 32;
            salt = bytes(v11g ? 10 : 16);
            cskSalt = bytes(16);
            serverSk = bytes(32);
            char[] pw = account != null ? account.password : "unknown-user".toCharArray();
            if (v11g) {
                // 11G verifier: SHA-1(password || salt) and four zero bytes, an AES-192 key
                MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
                sha1.update(new String(pw).getBytes(StandardCharsets.UTF_8));
                aesKey = Arrays.copyOf(sha1.digest(salt), 24);
            } else {
                byte[] pk = pbkdf2(pw, concat(salt, "AUTH_PBKDF2_SPEEDY_KEY".getBytes(StandardCharsets.US_ASCII)), 4096, 64);
                aesKey = Arrays.copyOf(MessageDigest.getInstance("SHA-512").digest(concat(pk, salt)), 32);
            }
            Ttc.Out out = new Ttc.Out().u8(8).ub(v11g ? 4 : 5);
            out.keyValue("AUTH_SESSKEY", HEX.formatHex(aes(Cipher.ENCRYPT_MODE, aesKey, serverSk)), 0);
            out.keyValue("AUTH_VFR_DATA", HEX.formatHex(salt), v11g ? 0x1B25 : 0x4815);
            out.keyValue("AUTH_PBKDF2_CSK_SALT", HEX.formatHex(cskSalt), 0);
            if (!v11g) {
                out.keyValue("AUTH_PBKDF2_VGEN_COUNT", "4096", 0);
            }
            out.keyValue("AUTH_PBKDF2_SDER_COUNT", "3", 0);
            return out.error(0, 0, 0, null).bytes();
        }

        /** Phase two: check the password, prove the verifier, open the session. */
        byte[] phaseTwo(Ttc.In in) throws GeneralSecurityException {
            Map<String, String> kv = pairs(in);
            if (aesKey == null || kv.get("AUTH_SESSKEY") == null || kv.get("AUTH_PASSWORD") == null) {
                return denied();
            }
            byte[] clientSk = aes(Cipher.DECRYPT_MODE, aesKey, HexFormat.of().parseHex(kv.get("AUTH_SESSKEY").toLowerCase(Locale.ROOT)));
            byte[] comboInput = concat(Arrays.copyOf(clientSk, keyLength), Arrays.copyOf(serverSk, keyLength));
            byte[] combo = pbkdf2(HEX.formatHex(comboInput).toCharArray(), cskSalt, 3, keyLength);
            String given = decryptPassword(combo, kv.get("AUTH_PASSWORD"));
            if (account == null || given == null || !given.equals(new String(account.password))) {
                return denied();
            }
            if (account.locked) {
                return new Ttc.Out().error(0, 0, 28000, "ORA-28000: The account is locked.").bytes();
            }
            String proxyClient = kv.get("PROXY_CLIENT_NAME");
            if (proxyClient != null) {
                String target = proxyClient.replace("\"", "").toUpperCase(Locale.ROOT);
                if (!proxies.getOrDefault(user.toUpperCase(Locale.ROOT), java.util.Set.of()).contains(target)) {
                    return new Ttc.Out().error(0, 0, 28150, "ORA-28150: proxy not authorized to connect as client").bytes();
                }
            }
            if (account.expired) {
                String newPassword = kv.get("AUTH_NEWPASSWORD") == null ? null : decryptPassword(combo, kv.get("AUTH_NEWPASSWORD"));
                if (newPassword == null) {
                    return new Ttc.Out().error(0, 0, 28001, "ORA-28001: the password has expired").bytes();
                }
                account.password = newPassword.toCharArray();
                account.expired = false;
            }
            byte[] response = aes(Cipher.ENCRYPT_MODE, combo, concat(concat(bytes(16), "SERVER_TO_CLIENT".getBytes(StandardCharsets.US_ASCII)),
                    filled(16, (byte) 16)));
            loggedIn = true;
            String sessionUser = proxyClient != null ? proxyClient.replace("\"", "").toUpperCase(Locale.ROOT) : user.toUpperCase(Locale.ROOT);
            userenv.put("SESSION_USER", sessionUser);
            userenv.put("CURRENT_SCHEMA", sessionUser);
            if (proxyClient != null) {
                userenv.put("PROXY_USER", user.toUpperCase(Locale.ROOT));
            }
            userenv.put("SERVICE_NAME", String.valueOf(session.serviceName()));
            userenv.put("DB_NAME", "ORATHIN");
            userenv.put("INSTANCE_NAME", "orathin1");
            Ttc.Out out = new Ttc.Out().u8(8).ub(7);
            out.keyValue("AUTH_SVR_RESPONSE", HEX.formatHex(response), 0);
            out.keyValue("AUTH_SESSION_ID", String.valueOf(SESSION_IDS.incrementAndGet()), 0);
            out.keyValue("AUTH_SERIAL_NUM", "1", 0);
            out.keyValue("AUTH_VERSION_NO", String.valueOf(ProfileReplies.versionNumber(session.profile())), 0);
            out.keyValue("AUTH_SC_SERVICE_NAME", String.valueOf(session.serviceName()), 0);
            out.keyValue("AUTH_INSTANCENAME", "orathin1", 0);
            out.keyValue("AUTH_MAX_OPEN_CURSORS", "300", 0);
            out.raw(ProfileReplies.piggyback(session.profile())); // 23.26.1: between the pairs and the ERROR
            if (account.expiring) {
                out.raw(ProfileReplies.warning(28002, "ORA-28002: the password will expire within 7 days", convLength));
            }
            return out.error(0, 0, 0, null).bytes();
        }

        /** AUTH_PASSWORD / AUTH_NEWPASSWORD: 16 salt bytes, the password, PKCS#7-style padding; null if malformed. */
        String decryptPassword(byte[] combo, String hex) throws GeneralSecurityException {
            if (hex == null || hex.length() % 32 != 0) {
                return null;
            }
            byte[] p = aes(Cipher.DECRYPT_MODE, combo, HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT)));
            int pad = p.length == 0 ? 0 : p[p.length - 1];
            if (pad < 1 || pad > 16 || p.length - pad < 16) {
                return null;
            }
            return new String(p, 16, p.length - pad - 16, StandardCharsets.UTF_8);
        }

        byte[] denied() {
            return new Ttc.Out().error(0, 0, 1017, "ORA-01017: invalid credential or not authorized; logon denied").bytes();
        }
    }

    @FunctionalInterface
    private interface SqlCall {
        byte[] run() throws SQLException;
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] filled(int n, byte v) {
        byte[] b = new byte[n];
        Arrays.fill(b, v);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations, int bytes) throws GeneralSecurityException {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(new PBEKeySpec(password, salt, iterations, bytes * 8))
                .getEncoded();
    }

    private static byte[] aes(int mode, byte[] key, byte[] data) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
        return c.doFinal(data);
    }
}
