package dev.orathin;

import dev.orathin.internal.call.TtcCall;
import dev.orathin.internal.calls.CallMeter;
import dev.orathin.internal.sql.BindOrder;
import dev.orathin.internal.sql.BindValue;
import dev.orathin.internal.sql.EndToEnd;
import dev.orathin.internal.sql.FunctionRequest;
import dev.orathin.internal.sql.Response;
import dev.orathin.internal.sql.SqlText;
import dev.orathin.internal.sql.Statement;
import dev.orathin.internal.ttc.Login;
import dev.orathin.net.ConnectTrace;
import dev.orathin.net.NetSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * An open database session: runs SQL and PL/SQL, transactions, ping and close.
 *
 * <p>Thread safety: calls from several threads are <em>serialised</em>, as python-oracledb does
 * — each call (execute, a cursor's fetch, executeMany, commit, ping, ...) holds a fair lock for
 * its whole round-trip sequence, so threads take turns in arrival order instead of mixing their
 * messages on the wire. A thread waits at most {@link #callTimeout()} plus {@link #RESET_TIMEOUT}
 * for its turn (OTN-5021 after that). One connection still runs one call at a time: use a pool
 * for parallel work. {@link #cancel()} never waits for the lock; {@link #close()} from another
 * thread while a call runs aborts the network session at once.
 *
 * <pre>{@code
 * try (Cursor c = conn.execute("select id, name from emp where dept = :dept", Map.of("dept", 10))) {
 *     while (c.next()) {
 *         long id = c.getLong(1);
 *         String name = c.getString(2);
 *     }
 * }
 * }</pre>
 *
 * <p>Every round trip is bounded by {@link #callTimeout()}: on expiry the call is interrupted
 * (MARKER interrupt, break/reset, protocol.md §9), OTN-5030 is thrown, and the connection stays
 * usable when the server answered the interrupt within {@link #RESET_TIMEOUT}, else it is closed.
 * Statements are kept parsed in a per-connection LRU cache of {@link #STATEMENT_CACHE_SIZE}.
 */
public final class OracleConnection implements AutoCloseable {

    /** Bound on the logoff exchange when closing: close never waits long on a dead peer. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);
    /**
     * Bound on the server's answer to an interrupt after a call timeout (the break/reset exchange);
     * when it passes the connection is closed.
     */
    public static final Duration RESET_TIMEOUT = TtcCall.RESET_TIMEOUT;
    /** Statements kept parsed per connection (python-oracledb's default statement cache size). */
    public static final int STATEMENT_CACHE_SIZE = 20;
    /** Default rows per FETCH round trip (python-oracledb's arraysize). */
    public static final int DEFAULT_ARRAY_SIZE = 100;
    /** Default rows returned with the execute of a query (python-oracledb's prefetchrows). */
    public static final int DEFAULT_PREFETCH_ROWS = 2;

    private final NetSession net;
    private final Login.Session session;
    private final CallMeter meter;
    private final TtcCall ttc;
    private boolean fetchLobs;
    private boolean autoCommit;
    private int arraySize = DEFAULT_ARRAY_SIZE;
    private int prefetchRows = DEFAULT_PREFETCH_ROWS;
    private final StatementCalls calls;
    /** One call's round trips at a time, threads served in arrival order. */
    private final ReentrantLock lock = new ReentrantLock(true);

    OracleConnection(NetSession net, Login.Session session, Duration callTimeout) {
        this(net, session, callTimeout, CallListener.NONE);
    }

    OracleConnection(NetSession net, Login.Session session, Duration callTimeout, CallListener listener) {
        this.meter = new CallMeter(listener);
        this.net = meter.wrap(net);
        this.session = session;
        // the login used sequence numbers 1 and 2
        this.ttc = new TtcCall(this.net, session.capabilities(), 2, callTimeout);
        this.calls = new StatementCalls(this, ttc);
    }

    /** AUTH_SESSION_ID: the session id (SID) in V$SESSION. */
    public long sessionId() {
        return session.sessionId();
    }

    /** AUTH_SERIAL_NUM: the session serial number. */
    public long serialNumber() {
        return session.serialNumber();
    }

    /** The server version as {@code major.minor.patch.portRelease.portUpdate}. */
    public String serverVersion() {
        long v = session.versionNumber();
        if (session.capabilities().fieldVersion() >= 11) {
            return ((v >> 24) & 0xFF) + "." + ((v >> 16) & 0xFF) + "." + ((v >> 12) & 0x0F) + "." + ((v >> 4) & 0xFF) + "." + (v & 0x0F);
        }
        return ((v >> 24) & 0xFF) + "." + ((v >> 20) & 0x0F) + "." + ((v >> 12) & 0x0F) + "." + ((v >> 8) & 0x0F) + "." + (v & 0x0F);
    }

    /**
     * The warning the login reply carried, e.g. ORA-28002 when the password expires within days (the
     * login succeeded; ojdbc reports it as a SQLWarning on the connection, python-oracledb as
     * {@code Connection.warning}).
     */
    public java.util.Optional<ServerWarning> loginWarning() {
        return java.util.Optional.ofNullable(session.warning());
    }

    /** The server banner from the protocol negotiation. */
    public String banner() {
        return session.capabilities().banner();
    }

    /** How the connection was reached: route, per-phase timings, round trips, attempts. */
    public ConnectTrace connectTrace() {
        return net.trace();
    }

    /** The bound on each call (execute, fetch, commit, ...). */
    public Duration callTimeout() {
        return ttc.callTimeout();
    }

    /** Sets the bound on each call. */
    public void callTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("callTimeout must be positive, was " + timeout);
        }
        ttc.callTimeout(timeout);
    }

    /** Whether each statement commits on success (default false). */
    public boolean autoCommit() {
        return autoCommit;
    }

    /** Turns autocommit on or off; turning it on does not commit pending work (as python-oracledb). */
    public void autoCommit(boolean on) {
        this.autoCommit = on;
    }

    /** Default rows per FETCH round trip for new cursors. */
    public int arraySize() {
        return arraySize;
    }

    /** Sets the default rows per FETCH round trip for new cursors (1..100000). */
    public void arraySize(int rows) {
        this.arraySize = Cursor.checkRows(rows, 1, "arraySize");
    }

    /** Default rows returned with a query's execute. */
    public int prefetchRows() {
        return prefetchRows;
    }

    /** Sets the rows returned with a query's execute (0..100000; 0 = the first rows come with the first fetch). */
    public void prefetchRows(int rows) {
        this.prefetchRows = Cursor.checkRows(rows, 0, "prefetchRows");
    }

    /**
     * Whether queries return CLOB / NCLOB / BLOB columns as {@link Clob} / {@link Blob} locators
     * (true; python-oracledb's {@code fetch_lobs=True}) or inline as String / byte[] (false, the
     * default: each value whole in memory, below 2 GB).
     */
    public boolean fetchLobs() {
        return fetchLobs;
    }

    /**
     * Sets how later queries return LOB columns (see {@link #fetchLobs()}); a cached statement
     * defined the other way is parsed again. Locators stream values of any size through
     * {@link Blob#inputStream()} / {@link Clob#reader()}.
     */
    public void fetchLobs(boolean locators) {
        this.fetchLobs = locators;
    }

    /** A new, empty temporary BLOB (LOB_OP create temporary), for writing and then binding. */
    public Blob createBlob() {
        return (Blob) Lob.createTemporary(this, OracleType.BLOB);
    }

    /** A new, empty temporary CLOB. */
    public Clob createClob() {
        return (Clob) Lob.createTemporary(this, OracleType.CLOB);
    }

    /** A new, empty temporary NCLOB. */
    public Clob createNClob() {
        return (Clob) Lob.createTemporary(this, OracleType.NCLOB);
    }

    /** One LOB operation, serialised with the connection's other calls (Blob / Clob use it). */
    dev.orathin.internal.lob.LobOp lobCall(dev.orathin.internal.lob.LobOp op) {
        return observed(CallEvent.Kind.LOB, null, () -> {
            ensureOpen();
            ttc.roundTrip(op, calls.piggybacks(), op);
            if (op.error() != null) {
                op.error().throwIfError();
            }
            return op;
        }, done -> 0);
    }

    dev.orathin.internal.ttc.Capabilities capabilities() {
        return session.capabilities();
    }

    /** True once closed (by the application or after a broken session). */
    public boolean isClosed() {
        return ttc.isClosed();
    }

    /** One round trip to the database (function PING); throws if the session is broken. */
    public void ping() {
        observed(CallEvent.Kind.PING, null, () -> {
            ensureOpen();
            // no piggybacks: a ping sends the function alone, as python-oracledb does
            StatementCalls.throwIfError(ttc.probe(FunctionRequest.PING, calls.emptyReply(), ttc.callTimeout()));
            return null;
        });
    }

    /** True when the session is open and the transport is alive (no round trip). */
    public boolean isHealthy() {
        return !ttc.isClosed() && net.isOpen();
    }

    /**
     * Runs a statement with positional binds ({@code :1, :name, ...} bound in order of
     * appearance; a PL/SQL name used twice is bound once). Queries return a cursor positioned
     * before the first row; DML returns a cursor whose {@link Cursor#rowCount()} is the count.
     *
     * @param sql SQL or PL/SQL text, without a trailing semicolon for SQL
     * @param binds values (see {@link BindValue#of} for the Java types) or {@link OutParam}s
     * @throws OracleDatabaseException on a database error (the connection stays usable)
     */
    public Cursor execute(String sql, Object... binds) {
        return observed(CallEvent.Kind.EXECUTE, sql, () -> executePositional(sql, binds), Cursor::rowsOfTheExecute);
    }

    private Cursor executePositional(String sql, Object[] binds) {
        ensureOpen();
        SqlText text = SqlText.parse(sql);
        return calls.run(text, BindOrder.positional(text, binds));
    }

    /**
     * Runs a statement with binds by name: every {@code :name} takes the map's value (unquoted
     * names match case-insensitively). Values are sent in order of appearance in the SQL.
     */
    public Cursor execute(String sql, Map<String, ?> namedBinds) {
        return observed(CallEvent.Kind.EXECUTE, sql, () -> executeNamed(sql, namedBinds), Cursor::rowsOfTheExecute);
    }

    private Cursor executeNamed(String sql, Map<String, ?> namedBinds) {
        ensureOpen();
        Objects.requireNonNull(namedBinds, "namedBinds");
        SqlText text = SqlText.parse(sql);
        return calls.run(text, BindOrder.named(text, namedBinds));
    }

    /**
     * Runs a query and maps each row with {@code mapper} (see {@link Cursor#map}); the cursor is
     * closed before this returns.
     *
     * <pre>{@code
     * List<String> names = conn.query("select name from emp where dept = :1", r -> r.getString(1), 10);
     * }</pre>
     */
    public <T> List<T> query(String sql, java.util.function.Function<? super Cursor, ? extends T> mapper, Object... binds) {
        java.util.Objects.requireNonNull(mapper, "mapper");
        return execute(sql, binds).map(mapper);
    }

    /**
     * Runs DML (or DDL, PL/SQL) and returns the number of rows it affected (0 for DDL and PL/SQL),
     * without a cursor to close.
     *
     * @throws OrathinProtocolException OTN-5040 for a query (use {@link #execute(String, Object...)})
     */
    public long executeUpdate(String sql, Object... binds) {
        requireNotQuery(sql);
        try (Cursor c = execute(sql, binds)) {
            return c.rowCount();
        }
    }

    /** {@link #executeUpdate(String, Object...)} with binds by name. */
    public long executeUpdate(String sql, Map<String, ?> namedBinds) {
        requireNotQuery(sql);
        try (Cursor c = execute(sql, namedBinds)) {
            return c.rowCount();
        }
    }

    private static void requireNotQuery(String sql) {
        if (SqlText.parse(sql).isQuery()) {
            throw new OrathinProtocolException(CoreErrorCode.BIND_ERROR, "executeUpdate runs DML, DDL or PL/SQL, but this is a query;"
                    + " use execute and read the rows from the cursor");
        }
    }

    /**
     * Array DML: runs the statement once per row in one round trip and returns each row's count
     * (DML_ROWCOUNTS). Values of one position must map to the same Oracle type (nulls fit any),
     * except numbers: a position that mixes Java number types (Integer, Long, BigDecimal, Double,
     * Float, ...) binds every row as NUMBER, as ojdbc does for a JDBC batch.
     */
    public long[] executeMany(String sql, List<Object[]> rows) {
        return observed(CallEvent.Kind.EXECUTE_MANY, sql, () -> calls.executeMany(sql, rows), OracleConnection::sum);
    }

    /**
     * Sets the module shown in V$SESSION.MODULE (sent with the next call, as python-oracledb's
     * {@code connection.module}); null clears it.
     */
    public void module(String module) {
        endToEnd(EndToEnd.MODULE, module, "module");
    }

    /** Sets the action shown in V$SESSION.ACTION (sent with the next call); null clears it. */
    public void action(String action) {
        endToEnd(EndToEnd.ACTION, action, "action");
    }

    /** Sets the client identifier shown in V$SESSION.CLIENT_IDENTIFIER (sent with the next call); null clears it. */
    public void clientIdentifier(String id) {
        endToEnd(EndToEnd.CLIENT_IDENTIFIER, id, "clientIdentifier");
    }

    /** Sets V$SESSION.CLIENT_INFO (sent with the next call); null clears it. */
    public void clientInfo(String info) {
        endToEnd(EndToEnd.CLIENT_INFO, info, "clientInfo");
    }

    /** Commits the transaction. */
    public void commit() {
        observed(CallEvent.Kind.COMMIT, null, () -> {
            ensureOpen();
            calls.simpleCall(FunctionRequest.COMMIT);
            return null;
        });
    }

    /** Rolls the transaction back. */
    public void rollback() {
        observed(CallEvent.Kind.ROLLBACK, null, () -> {
            ensureOpen();
            calls.simpleCall(FunctionRequest.ROLLBACK);
            return null;
        });
    }

    /**
     * Interrupts the call running on this connection from another thread (MARKER interrupt); the
     * call then fails with ORA-01013 and the connection stays usable. Does nothing when no call is
     * running. Returns at once; never blocks longer than sending one small packet.
     */
    public void cancel() {
        ttc.cancel();
    }

    /** Logs off and closes the network session; bounded, never waits long on a dead socket. Idempotent. */
    @Override
    public void close() {
        if (ttc.isClosed()) {
            return;
        }
        if (!lock.tryLock()) {
            // another thread's call is running: cut the session off under it (it fails with a network error), as JDBC abort
            ttc.abort();
            return;
        }
        try {
            if (ttc.isClosed()) {
                return;
            }
            ttc.markClosed();
            if (net.isOpen()) {
                StatementCalls.throwIfError(ttc.probe(FunctionRequest.LOGOFF, calls.emptyReply(), CLOSE_TIMEOUT));
            }
        } catch (RuntimeException ignored) {
            // the session is going away anyway; closing must not fail
        } finally {
            try {
                net.close();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Runs one call holding the connection's lock and reports it to the call listener. */
    private <T> T observed(CallEvent.Kind kind, String sql, Supplier<T> call, java.util.function.ToLongFunction<T> rows) {
        return serialised(() -> meter.measure(kind, sql, call, rows, () -> ttc.isClosed() || !net.isOpen()));
    }

    private void observed(CallEvent.Kind kind, String sql, Supplier<Void> call) {
        observed(kind, sql, call, v -> 0);
    }

    private static long sum(long[] counts) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    /**
     * Runs one call holding the connection's lock, so calls from several threads take turns. The
     * wait is bounded by the call timeout plus the reset timeout: the longest the call ahead may
     * take before it is interrupted and given up.
     */
    private <T> T serialised(Supplier<T> call) {
        if (!lock.isHeldByCurrentThread()) {
            Duration bound = ttc.callTimeout().plus(RESET_TIMEOUT);
            try {
                if (!lock.tryLock(bound.toNanos(), TimeUnit.NANOSECONDS)) {
                    throw new OrathinProtocolException(CoreErrorCode.CONNECTION_BUSY, "waited " + bound.toMillis() + " ms (call timeout"
                            + " + RESET_TIMEOUT) for another thread's call on this connection to finish; use one connection per"
                            + " thread (a pool) for parallel work");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OrathinProtocolException(CoreErrorCode.CONNECTION_BUSY, "interrupted while waiting for another thread's call"
                        + " on this connection to finish", e);
            }
        } else {
            lock.lock();
        }
        try {
            return call.get();
        } finally {
            lock.unlock();
        }
    }

    /** Fetches the next batch for a cursor (FETCH, function 5). */
    Response fetch(Statement st, int rows, Object[] previousRow) {
        return observed(CallEvent.Kind.FETCH, null, () -> calls.fetch(st, rows, previousRow), r -> r.rows().size());
    }

    /** A cursor is done with its statement: cached ones stay parsed, others have their server cursor closed. */
    void release(Statement st) {
        if (lock.isHeldByCurrentThread() || ttc.isClosed()) {
            releaseLocked(st);
        } else {
            serialised(() -> {
                releaseLocked(st);
                return null;
            });
        }
    }

    private void releaseLocked(Statement st) {
        calls.statements().release(st);
    }

    /** Sets an end-to-end attribute, sent with the next call; the database limits each to 64 bytes. */
    private void endToEnd(int attribute, String v, String what) {
        if (v != null && v.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 64) {
            throw new IllegalArgumentException(what + " is limited to " + 64 + " bytes by the database, was \"" + v + "\"");
        }
        serialised(() -> {
            calls.endToEnd().set(attribute, v);
            return null;
        });
    }

    void ensureOpen() {
        if (ttc.isClosed()) {
            throw new OrathinProtocolException(CoreErrorCode.CONNECTION_CLOSED, "the connection is closed");
        }
    }

    @Override
    public String toString() {
        return "OracleConnection[session=" + session.sessionId() + "," + session.serialNumber() + (ttc.isClosed() ? ", closed" : "") + "]";
    }
}
