package dev.orathin;

import dev.orathin.internal.call.TtcCall;
import dev.orathin.internal.calls.CallMeter;
import dev.orathin.internal.sql.BindValue;
import dev.orathin.internal.sql.ColumnInfo;
import dev.orathin.internal.sql.ExecuteRequest;
import dev.orathin.internal.sql.FetchRequest;
import dev.orathin.internal.sql.FunctionRequest;
import dev.orathin.internal.sql.ReexecuteRequest;
import dev.orathin.internal.sql.Requests;
import dev.orathin.internal.sql.Response;
import dev.orathin.internal.sql.SqlText;
import dev.orathin.internal.sql.Statement;
import dev.orathin.internal.sql.StatementCache;
import dev.orathin.internal.ttc.ErrorInfo;
import dev.orathin.internal.ttc.Login;
import dev.orathin.internal.ttc.TtcRequest;
import dev.orathin.internal.ttc.TtcWriter;
import dev.orathin.net.ConnectTrace;
import dev.orathin.net.NetSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
    private final Response.LobMaker lobMaker = (c, locator, length, chunk) -> Lob.of(this, c, locator, length, chunk);
    private boolean autoCommit;
    private int arraySize = DEFAULT_ARRAY_SIZE;
    private int prefetchRows = DEFAULT_PREFETCH_ROWS;
    /** Temporary LOBs created for stream binds of the call running now: freed when it ends. */
    private final List<Lob> tempLobs = new ArrayList<>();
    private int e2eChanged;
    private String module;
    private String action;
    private String clientIdentifier;
    private String clientInfo;
    private final StatementCache statements = new StatementCache(STATEMENT_CACHE_SIZE);
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
            ttc.roundTrip(op.request(ttc::nextSequence, piggybacks()), op);
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
            throwIfError(ttc.probe(FunctionRequest.PING, emptyReply(), ttc.callTimeout()));
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
        Object[] values = binds == null ? new Object[] {null} : binds;
        if (values.length != text.bindNames().size()) {
            throw new OrathinProtocolException(CoreErrorCode.BIND_ERROR, "the statement has " + text.bindNames().size()
                    + " bind placeholder(s) " + text.bindNames() + " but " + values.length + " value(s) were given");
        }
        return run(text, java.util.Collections.unmodifiableList(java.util.Arrays.asList(values))); // NULL binds allowed
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
        Map<String, Object> byName = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : namedBinds.entrySet()) {
            String k = e.getKey().startsWith(":") ? e.getKey().substring(1) : e.getKey();
            byName.put(k, e.getValue());
        }
        List<Object> values = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (String name : text.bindNames()) {
            String key = byName.containsKey(name) ? name : byName.keySet().stream().filter(k -> k.toUpperCase(Locale.ROOT).equals(name))
                    .findFirst().orElse(null);
            if (key == null) {
                missing.add(name);
            } else {
                used.add(key);
                values.add(byName.get(key));
            }
        }
        if (!missing.isEmpty()) {
            throw new OrathinProtocolException(CoreErrorCode.BIND_ERROR, "no value for bind name(s) " + missing + "; the statement uses "
                    + text.distinctNames() + " and the map has " + byName.keySet());
        }
        if (used.size() != byName.size()) {
            List<String> extra = new ArrayList<>(byName.keySet());
            extra.removeAll(used);
            throw new OrathinProtocolException(CoreErrorCode.BIND_ERROR, "bind name(s) " + extra + " do not appear in the statement"
                    + " (it uses " + text.distinctNames() + ")");
        }
        return run(text, values);
    }

    /**
     * Runs DML (or DDL, PL/SQL) and returns the number of rows it affected (0 for DDL and PL/SQL),
     * without a cursor to close.
     *
     * @throws OrathinProtocolException OTN-5040 for a query (use {@link #execute(String, Object...)})
     */
    public long executeUpdate(String sql, Object... binds) {
        if (SqlText.parse(sql).isQuery()) {
            throw new OrathinProtocolException(CoreErrorCode.BIND_ERROR, "executeUpdate runs DML, DDL or PL/SQL, but this is a query;"
                    + " use execute and read the rows from the cursor");
        }
        try (Cursor c = execute(sql, binds)) {
            return c.rowCount();
        }
    }

    /** {@link #executeUpdate(String, Object...)} with binds by name. */
    public long executeUpdate(String sql, Map<String, ?> namedBinds) {
        if (SqlText.parse(sql).isQuery()) {
            throw new OrathinProtocolException(CoreErrorCode.BIND_ERROR, "executeUpdate runs DML, DDL or PL/SQL, but this is a query;"
                    + " use execute and read the rows from the cursor");
        }
        try (Cursor c = execute(sql, namedBinds)) {
            return c.rowCount();
        }
    }

    /**
     * Array DML: runs the statement once per row in one round trip and returns each row's count
     * (DML_ROWCOUNTS). Values of one position must map to the same Oracle type (nulls fit any),
     * except numbers: a position that mixes Java number types (Integer, Long, BigDecimal, Double,
     * Float, ...) binds every row as NUMBER, as ojdbc does for a JDBC batch.
     */
    public long[] executeMany(String sql, List<Object[]> rows) {
        return observed(CallEvent.Kind.EXECUTE_MANY, sql, () -> {
            try {
                return executeManyLocked(sql, rows);
            } finally {
                Lob.freeAll(tempLobs);
            }
        }, OracleConnection::sum);
    }

    private long[] executeManyLocked(String sql, List<Object[]> rows) {
        ensureOpen();
        SqlText text = SqlText.parse(sql);
        if (rows == null || rows.isEmpty()) {
            return new long[0];
        }
        if (text.isQuery() || text.hasReturnBinds()) {
            throw new OrathinProtocolException(CoreErrorCode.BIND_ERROR, "executeMany runs DML or PL/SQL, not a query or DML with"
                    + " RETURNING ... INTO (run that with execute, once per row)");
        }
        int n = text.bindNames().size();
        List<List<BindValue>> encoded = new ArrayList<>(rows.size());
        BindValue[] meta = new BindValue[n];
        int maxString = session.capabilities().maxStringSize();
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = rows.get(r);
            if (row == null || row.length != n) {
                throw new OrathinProtocolException(CoreErrorCode.BIND_ERROR, "executeMany row " + r + " has " + (row == null ? 0 : row.length)
                        + " value(s); the statement has " + n + " placeholder(s) " + text.bindNames());
            }
        }
        boolean[] asNumber = mixedNumberColumns(rows, n);
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = rows.get(r);
            List<BindValue> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                if (row[i] instanceof OutParam) {
                    throw new OrathinProtocolException(CoreErrorCode.BIND_ERROR, "executeMany does not take OUT parameters");
                }
                BindValue b = bind(asNumber[i] ? decimal(row[i], r, text.bindNames().get(i)) : row[i], maxString, text.bindNames().get(i));
                out.add(b);
                if (row[i] == null) {
                    continue;
                }
                if (meta[i] == null) {
                    meta[i] = b;
                } else if (meta[i].typeNumber() != b.typeNumber()) {
                    throw new OrathinProtocolException(CoreErrorCode.BIND_ERROR, "executeMany: bind " + text.bindNames().get(i)
                            + " is Oracle type " + meta[i].typeNumber() + " in earlier rows but " + b.typeNumber() + " in row " + r
                            + " (" + row[i].getClass().getSimpleName() + "); use one Java type per column");
                } else if (b.bufferSize() > meta[i].bufferSize()) {
                    meta[i] = meta[i].withBufferSize(b.bufferSize());
                }
            }
            encoded.add(out);
        }
        List<BindValue> metaList = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            metaList.add(meta[i] == null ? bind(null, maxString, "") : meta[i]);
        }
        Statement st = statements.acquire(text);
        try {
            int options = Requests.OPT_EXECUTE | (n > 0 ? Requests.OPT_BIND : 0) | (text.isPlsql() ? (n > 0 ? Requests.OPT_PLSQL_BIND : 0)
                    : Requests.OPT_NOT_PLSQL) | (autoCommit ? Requests.OPT_COMMIT : 0);
            boolean parse = st.cursorId == 0 || text.kind() == SqlText.Kind.DDL;
            if (parse) {
                options |= Requests.OPT_PARSE;
            }
            boolean counts = !text.isPlsql();
            ExecuteRequest req = ExecuteRequest.builder().options(options).cursorId(st.cursorId).sql(parse ? st.sqlBytes : null)
                    .executions(rows.size()).binds(encoded, metaList).dmlRowCounts(counts).build();
            Response resp = ttc.roundTrip(req, piggybacks(), new Response(session.capabilities(), null, null, text.isPlsql(), metaList, counts));
            try {
                finishStatement(st, resp);
            } catch (OracleDatabaseException e) {
                // the row count of the failed call is the number of rows processed before the failing one
                ErrorInfo err = resp.error();
                throw new OracleDatabaseException(err.number(), err.message() + " (executeMany: " + err.rowCount() + " of "
                        + rows.size() + " rows processed before the error)", err.errorPosition());
            }
            st.bindMeta = metaList;
            long[] result = resp.rowCounts();
            if (result == null) {
                result = new long[rows.size()];
                java.util.Arrays.fill(result, -2); // no per-row information (PL/SQL), as JDBC's SUCCESS_NO_INFO
            }
            return result;
        } finally {
            release(st);
        }
    }

    /** Positions whose non-null values are all numbers of more than one Oracle binding (NUMBER, BINARY_DOUBLE, BINARY_FLOAT). */
    private static boolean[] mixedNumberColumns(List<Object[]> rows, int n) {
        boolean[] mixed = new boolean[n];
        for (int i = 0; i < n; i++) {
            int kinds = 0;
            boolean other = false;
            for (Object[] row : rows) {
                Object v = row[i];
                if (v == null) {
                    continue;
                }
                if (v instanceof Double) {
                    kinds |= 1;
                } else if (v instanceof Float) {
                    kinds |= 2;
                } else if (v instanceof Number) {
                    kinds |= 4;
                } else {
                    other = true;
                }
            }
            mixed[i] = !other && Integer.bitCount(kinds) > 1;
        }
        return mixed;
    }

    /** A number as BigDecimal for a NUMBER bind (Double and Float by their shortest decimal form, as ojdbc). */
    private static Object decimal(Object v, int row, String bind) {
        if (v == null || v instanceof java.math.BigDecimal) {
            return v;
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new OrathinProtocolException(CoreErrorCode.BIND_ERROR, "executeMany row " + row + ", bind " + bind + ": " + v
                        + " cannot be bound as NUMBER, which this position is because its rows mix number types; bind every row"
                        + " of it as Double to send BINARY_DOUBLE");
            }
            return new java.math.BigDecimal(v.toString());
        }
        if (v instanceof java.math.BigInteger b) {
            return new java.math.BigDecimal(b);
        }
        return java.math.BigDecimal.valueOf(((Number) v).longValue());
    }

    /**
     * Sets the module shown in V$SESSION.MODULE (sent with the next call, as python-oracledb's
     * {@code connection.module}); null clears it.
     */
    public void module(String module) {
        String v = checkAttribute(module, 64, "module");
        serialised(() -> {
            this.module = v;
            e2eChanged |= Requests.E2E_MODULE;
            return null;
        });
    }

    /** Sets the action shown in V$SESSION.ACTION (sent with the next call); null clears it. */
    public void action(String action) {
        String v = checkAttribute(action, 64, "action");
        serialised(() -> {
            this.action = v;
            e2eChanged |= Requests.E2E_ACTION;
            return null;
        });
    }

    /** Sets the client identifier shown in V$SESSION.CLIENT_IDENTIFIER (sent with the next call); null clears it. */
    public void clientIdentifier(String id) {
        String v = checkAttribute(id, 64, "clientIdentifier");
        serialised(() -> {
            this.clientIdentifier = v;
            e2eChanged |= Requests.E2E_CLIENT_IDENTIFIER;
            return null;
        });
    }

    /** Sets V$SESSION.CLIENT_INFO (sent with the next call); null clears it. */
    public void clientInfo(String info) {
        String v = checkAttribute(info, 64, "clientInfo");
        serialised(() -> {
            this.clientInfo = v;
            e2eChanged |= Requests.E2E_CLIENT_INFO;
            return null;
        });
    }

    /** Commits the transaction. */
    public void commit() {
        observed(CallEvent.Kind.COMMIT, null, () -> {
            ensureOpen();
            simpleCall(FunctionRequest.COMMIT);
            return null;
        });
    }

    /** Rolls the transaction back. */
    public void rollback() {
        observed(CallEvent.Kind.ROLLBACK, null, () -> {
            ensureOpen();
            simpleCall(FunctionRequest.ROLLBACK);
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
                throwIfError(ttc.probe(FunctionRequest.LOGOFF, emptyReply(), CLOSE_TIMEOUT));
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

    // ---- statement execution -------------------------------------------------------------

    private BindValue bind(Object v, int maxString, String where) {
        BindValue lob = Lob.bindValue(this, v, tempLobs, where);
        if (lob != null) {
            return lob;
        }
        try {
            return BindValue.of(v, maxString, where);
        } catch (IllegalArgumentException e) {
            throw new OrathinProtocolException(CoreErrorCode.BIND_ERROR, e.getMessage());
        }
    }

    private Cursor run(SqlText text, List<Object> values) {
        int maxString = session.capabilities().maxStringSize();
        List<BindValue> binds = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (text.isReturnBind(i) && !text.isPlsql() && !(v instanceof OutParam p && !p.isInOut())) {
                throw new OrathinProtocolException(CoreErrorCode.BIND_ERROR, "bind " + text.bindNames().get(i) + " follows RETURNING ..."
                        + " INTO: pass OutParam.of(type) there; the values come back from Cursor.outValue(" + (i + 1) + ")");
            }
            if (v instanceof OutParam && !text.isPlsql() && !text.isReturnBind(i)) {
                throw new OrathinProtocolException(CoreErrorCode.BIND_ERROR, "OutParam at bind " + text.bindNames().get(i)
                        + ": OUT parameters need a PL/SQL block (BEGIN ... END;) or DML with RETURNING ... INTO");
            }
            BindValue b = bind(v, maxString, text.bindNames().get(i));
            binds.add(text.isReturnBind(i) && !text.isPlsql() ? b.asReturnBind() : b);
        }
        Statement st = statements.acquire(text);
        if (st.lobsDefined && st.lobLocators != fetchLobs && st.columns.stream().anyMatch(ColumnInfo::isLob)) {
            statements.closeLater(st.cursorId); // defined the other way: parse again rather than re-define
            st.reset();
        }
        try {
            boolean parsedBefore = st.cursorId != 0;
            try {
                return executeStatement(st, binds, prefetchRows);
            } catch (OracleDatabaseException e) {
                // a cached query whose tables changed shape: parse it again, once (python-oracledb's retry on
                // ORA-01007 variable not in select list / ORA-00932 inconsistent datatypes)
                if (parsedBefore && text.isQuery() && (e.oraCode() == 1007 || e.oraCode() == 932)) {
                    return executeStatement(st, binds, prefetchRows);
                }
                throw e;
            }
        } catch (RuntimeException e) {
            release(st);
            throw e;
        } finally {
            Lob.freeAll(tempLobs);
        }
    }

    private Cursor executeStatement(Statement st, List<BindValue> binds, int prefetch) {
        SqlText text = st.text;
        boolean query = text.isQuery();
        // python's re-execute leaves OUT-only binds out of the bind row; a full execute sends them all, so PL/SQL with
        // OUT binds always takes the full execute (without parsing again)
        boolean outOnly = binds.stream().anyMatch(b -> b.direction() == BindValue.DIR_OUT);
        boolean full = st.cursorId == 0 || text.kind() == SqlText.Kind.DDL || st.bindMetaChanged(binds) || query && st.hasLobColumns()
                && !st.lobsDefined || outOnly;
        List<BindValue> meta = full ? binds : st.bindMeta;
        TtcRequest req;
        if (full) {
            boolean parse = st.cursorId == 0 || text.kind() == SqlText.Kind.DDL;
            int options = Requests.OPT_EXECUTE;
            if (parse) {
                options |= Requests.OPT_PARSE;
            }
            if (query && prefetch > 0) {
                options |= Requests.OPT_FETCH;
            }
            if (!text.isPlsql()) {
                options |= Requests.OPT_NOT_PLSQL;
            } else if (!binds.isEmpty()) {
                options |= Requests.OPT_PLSQL_BIND;
            }
            if (!binds.isEmpty()) {
                options |= Requests.OPT_BIND;
            }
            if (autoCommit) {
                options |= Requests.OPT_COMMIT;
            }
            int executions = query ? (st.cursorId == 0 ? 0 : prefetch) : 1;
            req = ExecuteRequest.builder().options(options).cursorId(st.cursorId).sql(parse ? st.sqlBytes : null).prefetchRows(prefetch)
                    .query(query).executions(executions).binds(List.of(binds), binds).build();
        } else {
            req = new ReexecuteRequest(st.cursorId, query && prefetch > 0, prefetch, 1, autoCommit, List.of(binds), meta);
        }
        Response resp = ttc.roundTrip(req, piggybacks(), new Response(session.capabilities(), query ? st.columns : null, null, text.isPlsql(), binds, false)
                .lobsAsLocators(!st.lobsDefined).lobLocators(st.lobLocators ? lobMaker : null));
        if (full) {
            st.bindMeta = binds;
        }
        ErrorInfo end = finishStatement(st, resp);
        if (query && resp.described()) {
            st.columns = resp.columns();
            if (st.hasLobColumns() && !st.lobsDefined) {
                // python-oracledb with fetch_lobs=False: define CLOB/NCLOB as LONG and BLOB as LONG RAW and fetch again,
                // so the values come inline in the rows (the rows of the first reply carried locators)
                ExecuteRequest define = ExecuteRequest.builder().options(Requests.OPT_DEFINE | (prefetch > 0 ? Requests.OPT_FETCH : 0)
                        | Requests.OPT_NOT_PLSQL).cursorId(st.cursorId).prefetchRows(prefetch).query(true).executions(prefetch)
                        .defines(st.columns, fetchLobs).build();
                resp = ttc.roundTrip(define, new byte[0], new Response(session.capabilities(), st.columns, null, false, List.of(), false)
                        .lobLocators(fetchLobs ? lobMaker : null));
                st.lobsDefined = true;
                st.lobLocators = fetchLobs;
                end = finishStatement(st, resp);
            }
        }
        boolean more = query && (end == null || end.number() != Response.ORA_NO_DATA_FOUND);
        if (query && st.columns == null) {
            throw new OrathinProtocolException(CoreErrorCode.UNEXPECTED_MESSAGE, "query reply without describe info");
        }
        long rowCount = end == null ? 0 : end.rowCount();
        return new Cursor(this, st, query ? toColumns(st.columns) : List.of(), resp.rows(), resp.previousRow(), more,
                query ? resp.rows().size() : rowCount, resp.outValues(), arraySize);
    }

    private static List<Column> toColumns(List<ColumnInfo> cols) {
        List<Column> out = new ArrayList<>(cols.size());
        for (ColumnInfo c : cols) {
            out.add(c.toColumn());
        }
        return List.copyOf(out);
    }

    /** Applies the closing ERROR message: cursor id, and the database error (the cursor is dropped after one). */
    private ErrorInfo finishStatement(Statement st, Response resp) {
        ErrorInfo end = resp.error();
        if (end == null) {
            return null;
        }
        if (end.cursorId() != 0) {
            st.cursorId = end.cursorId();
        }
        int number = end.number();
        // ORA-01403 ends a query's rows; from PL/SQL (SELECT INTO found nothing) it is a real error
        boolean endOfRows = number == Response.ORA_NO_DATA_FOUND && st.text.isQuery();
        if (number != 0 && !endOfRows && number != Response.ORA_ARRAY_DML_ERRORS) {
            if (st.cursorId != 0) {
                statements.closeLater(st.cursorId);
            }
            st.reset();
            end.throwIfError();
        }
        return end;
    }

    /** Fetches the next batch for a cursor (FETCH, function 5). */
    Response fetch(Statement st, int rows, Object[] previousRow) {
        return observed(CallEvent.Kind.FETCH, null, () -> fetchLocked(st, rows, previousRow), r -> r.rows().size());
    }

    private Response fetchLocked(Statement st, int rows, Object[] previousRow) {
        ensureOpen();
        Response resp = ttc.roundTrip(new FetchRequest(st.cursorId, rows), new byte[0], new Response(session.capabilities(), st.columns, previousRow, false, List.of(), false)
                .lobsAsLocators(!st.lobsDefined).lobLocators(st.lobLocators ? lobMaker : null));
        finishStatement(st, resp);
        return resp;
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
        statements.release(st);
    }

    /** Piggybacked calls due before the next request: cursors to close, changed end-to-end attributes. */
    private byte[] piggybacks() {
        if (!statements.hasCursorsToClose() && e2eChanged == 0) {
            return new byte[0];
        }
        TtcWriter w = new TtcWriter();
        Requests.closeCursors(w, ttc::nextSequence, fv(), statements.takeCursorsToClose());
        Requests.endToEnd(w, ttc::nextSequence, fv(), e2eChanged, clientIdentifier, module, action, clientInfo);
        e2eChanged = 0;
        return w.toByteArray();
    }

    private static String checkAttribute(String v, int maxBytes, String what) {
        if (v != null && v.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > maxBytes) {
            throw new IllegalArgumentException(what + " is limited to " + maxBytes + " bytes by the database, was \"" + v + "\"");
        }
        return v;
    }

    private void simpleCall(FunctionRequest function) {
        throwIfError(ttc.roundTrip(function, piggybacks(), emptyReply()));
    }

    /** The reply of a function that returns nothing but its end (commit, ping, logoff, ...). */
    private Response emptyReply() {
        return new Response(session.capabilities(), null, null, false, List.of(), false);
    }

    private static void throwIfError(Response resp) {
        if (resp.error() != null) {
            resp.error().throwIfError();
        }
    }

    private int fv() {
        return ttc.fieldVersion();
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
