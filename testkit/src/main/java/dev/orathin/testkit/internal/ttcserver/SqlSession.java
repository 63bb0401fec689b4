package dev.orathin.testkit.internal.ttcserver;

import dev.orathin.testkit.internal.ttcserver.OraErrors.OraError;
import dev.orathin.testkit.internal.ttcserver.OraErrors.OraException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One session's SQL: each client cursor is an H2 statement on the session's own H2 connection,
 * and results go back in Oracle's wire layouts (protocol.md §7, §8) for field version 13.
 */
final class SqlSession implements AutoCloseable {

    /** The session whose call runs on this thread (for the sleep function's cancel check). */
    static final ThreadLocal<SqlSession> CURRENT = new ThreadLocal<>();
    private static final int MAX_CURSORS = 300;

    /**
     * What the client announced in DATA_TYPES that changes how columns are described: BOOLEAN
     * known; the 12.2 metadata format (OAC 646); SB1 (type 27) in universal representation.
     * Observed: clients announcing SB1 universal (ojdbc11, python-oracledb 1.x; go-ora reads the
     * same way) read the scale of NUMBER, INTERVAL DAY TO SECOND and the TIMESTAMPs
     * length-prefixed; clients announcing SB1 in Oracle (raw) representation (node-oracledb,
     * python-oracledb 2+) read it as a single byte. Precision is a single byte for all. Clients
     * whose compile caps announce LOB prefetch (caps[23] 0x40: node, ojdbc) get the LOB length and
     * chunk size ahead of each locator; python-oracledb 1.x does not and gets the locator alone.
     * VECTOR (127) columns are described as VECTOR only to clients listing type 127 in DATA_TYPES;
     * others get Oracle's text form as a CLOB. The same for JSON (119, sent as OSON) and its text.
     */
    record ClientTypes(boolean booleanType, boolean newOac, boolean sb1Universal, boolean lobSizes, boolean vector, boolean json) {
    }

    private final Connection h2;
    private final ClientTypes clientTypes;
    private final Map<Integer, Cursor> cursors = new HashMap<>();
    final LobStore lobs = new LobStore();
    private int nextCursorId = 1;
    private boolean transaction;
    volatile boolean cancelled;
    private volatile Statement running;

    private final Map<String, String> userenv;

    SqlSession(Connection h2, ClientTypes clientTypes, Map<String, String> userenv) {
        this.h2 = h2;
        this.clientTypes = clientTypes;
        this.userenv = userenv;
    }

    /** The session's SYS_CONTEXT('USERENV', ...) values (user, end-to-end attributes, service). */
    String userenv(String key) {
        return userenv.get(key.toUpperCase(Locale.ROOT));
    }

    /** One client cursor. */
    private static final class Cursor {
        final int id;
        final String sql;
        final SqlText.Kind kind;
        List<String> bindNames = List.of();
        String h2Sql;
        List<Requests.Meta> binds = List.of();
        /** The bind values of the last execution of this query (a define re-executes with them). */
        byte[][] lastBindRow;
        PreparedStatement ps;
        ResultSet rs;
        List<Column> columns;
        Requests.Meta[] defines;
        Object[] ahead;
        boolean exhausted;
        long fetched;
        PlsqlBlock block;
        /** DML RETURNING ... INTO: the H2 query, and the values of the last execution. */
        DmlReturning.Parsed returning;
        List<Object[]> returned;

        Cursor(int id, String sql) {
            this.id = id;
            this.sql = sql;
            this.kind = SqlText.kind(sql);
        }

        void closeResults() {
            try {
                if (rs != null) {
                    rs.close();
                }
            } catch (SQLException ignored) {
                // closing a finished result
            }
            rs = null;
            ahead = null;
            exhausted = false;
            fetched = 0;
        }

        void close() {
            closeResults();
            try {
                if (ps != null) {
                    ps.close();
                }
            } catch (SQLException ignored) {
                // closing a statement whose connection is gone
            }
        }
    }

    /** A described column: its Oracle type and how the value is read from H2. */
    record Column(String name, int type, int precision, int scale, int maxChars, int bufferSize, boolean nullable, int csfrm,
            boolean vector) {
        Column(String name, int type, int precision, int scale, int maxChars, int bufferSize, boolean nullable, int csfrm) {
            this(name, type, precision, scale, maxChars, bufferSize, nullable, csfrm, false);
        }
    }

    // ---------------------------------------------------------------- calls

    byte[] execute(Requests.Execute e) {
        Cursor c = e.cursorId() != 0 ? cursors.get(e.cursorId()) : null;
        if (c == null && e.sql() == null) {
            return error(e.cursorId(), OraError.of(1001, "invalid cursor"));
        }
        if (c == null || e.sql() != null && !e.sql().equals(c.sql)) {
            if (c != null) {
                c.close();
                cursors.remove(c.id);
            }
            c = open(e.sql());
        }
        Cursor cursor = c;
        return guarded(cursor, () -> executeOn(cursor, e));
    }

    private byte[] executeOn(Cursor c, Requests.Execute e) throws SQLException {
        Ttc.Out out = new Ttc.Out();
        if (!e.defines().isEmpty()) {
            c.defines = e.defines().toArray(new Requests.Meta[0]);
        }
        if (!e.binds().isEmpty()) {
            c.binds = e.binds();
        }
        boolean describeOnly = (e.options() & Requests.OPT_DESCRIBE) != 0 && (e.options() & Requests.OPT_EXECUTE) == 0;
        boolean execute = (e.options() & Requests.OPT_EXECUTE) != 0 || (e.options() & Requests.OPT_DEFINE) != 0;
        long rowCount;
        switch (c.kind) {
            case QUERY:
                if (describeOnly || !execute) {
                    prepare(c);
                    describe(c, c.ps.getMetaData(), out);
                    returnParameters(out, c.id, null);
                    return end(out, c.id, 0, null);
                }
                runQuery(c, e.bindRows());
                if (e.sql() != null) {
                    describe(c, c.rs.getMetaData(), out); // not after a define: clients keep the types they defined
                }
                returnParameters(out, c.id, null);
                // ojdbc11's define-and-fetch (after a VECTOR describe) carries the row count in al8i4[1], not as prefetch rows
                long rows = (e.options() & Requests.OPT_FETCH) == 0 ? 0 : e.prefetchRows() > 0 ? e.prefetchRows() : e.al8i4()[1];
                if (c.defines == null && c.columns.stream().anyMatch(col -> col.type() == OraType.CLOB || col.type() == OraType.BLOB
                        || col.type() == OraType.VECTOR || col.type() == OraType.JSON)) {
                    // LOB columns, no defines yet: no rows in this reply, as clients may define them as
                    // LONG first (python's fetch_lobs=False re-executes with defines); a FETCH gets locators
                    return end(out, c.id, 0, null);
                }
                return rows(c, rows, out, (e.options() & 0x40000) == 0);
            case PLSQL:
                return plsql(c, e.bindRows(), out);
            case COMMIT:
                commit();
                return end(out, c.id, 0, null);
            case ROLLBACK:
                rollback();
                return end(out, c.id, 0, null);
            case SAVEPOINT:
            case LOCK:
                transactionStatement(c);
                return end(out, c.id, 0, null);
            case DML:
                long[] counts = dml(c, e.bindRows());
                rowCount = Arrays.stream(counts).sum();
                if (c.returning != null) {
                    DmlReturning.write(out, c.returned, c.binds, c.returning.intoBinds(),
                            (o, v, m) -> writeValue(o, v, m.type(), m.csfrm(), false));
                }
                returnParameters(out, c.id, e.dmlRowCounts() ? counts : null);
                break;
            default:
                ddl(c);
                rowCount = 0;
                break;
        }
        if ((e.options() & Requests.OPT_COMMIT) != 0) {
            commit();
        }
        return end(out, c.id, rowCount, null);
    }

    byte[] reexecute(int function, Ttc.In in) {
        int cursorId = (int) in.peekUb();
        Cursor c = cursors.get(cursorId);
        Requests.Reexecute r = Requests.reexecute(in, c == null ? List.of() : c.binds, c == null ? 0 : DmlReturning.intoBinds(c.sql));
        if (c == null) {
            return error(cursorId, OraError.of(1001, "invalid cursor"));
        }
        return guarded(c, () -> {
            Ttc.Out out = new Ttc.Out();
            if (c.kind == SqlText.Kind.QUERY) {
                runQuery(c, r.bindRows());
                return rows(c, function == 78 ? r.iterations() : 0, out, true);
            }
            if (c.kind == SqlText.Kind.PLSQL) {
                return plsql(c, r.bindRows(), out);
            }
            if (c.kind == SqlText.Kind.SAVEPOINT || c.kind == SqlText.Kind.LOCK) {
                transactionStatement(c);
                return end(out, c.id, 0, null);
            }
            long[] counts = c.kind == SqlText.Kind.DML ? dml(c, r.bindRows()) : new long[] {ddlCount(c)};
            if (c.kind == SqlText.Kind.DML && c.returning != null) {
                DmlReturning.write(out, c.returned, c.binds, c.returning.intoBinds(), (o, v, m) -> writeValue(o, v, m.type(), m.csfrm(), false));
            }
            if ((r.flags2() & 0x01) != 0) {
                commit();
            }
            return end(out, c.id, Arrays.stream(counts).sum(), null);
        });
    }

    @FunctionalInterface
    private interface Call {
        byte[] run() throws SQLException;
    }

    /** Runs a call on a cursor: H2 errors become their ORA errors (ORA-01013 after a cancel). */
    private byte[] guarded(Cursor c, Call call) {
        try {
            return call.run();
        } catch (SQLException ex) {
            return error(c.id, cancelled ? OraError.of(1013, "user requested cancel of current operation") : OraErrors.fromH2(ex, c.sql));
        } catch (OraException ex) {
            return error(c.id, ex.error);
        } finally {
            running = null;
        }
    }

    byte[] fetch(int cursorId, long rows) {
        Cursor c = cursors.get(cursorId);
        if (c == null || c.rs == null) {
            return error(cursorId, OraError.of(1001, "invalid cursor"));
        }
        try {
            return rows(c, rows, new Ttc.Out(), true);
        } catch (SQLException ex) {
            return error(c.id, OraErrors.fromH2(ex, c.sql));
        } catch (OraException ex) {
            return error(c.id, ex.error);
        }
    }

    byte[] commitCall() {
        try {
            commit();
            return end(new Ttc.Out(), 0, 0, null);
        } catch (SQLException ex) {
            return error(0, OraErrors.fromH2(ex, "COMMIT"));
        }
    }

    byte[] rollbackCall() {
        try {
            rollback();
            return end(new Ttc.Out(), 0, 0, null);
        } catch (SQLException ex) {
            return error(0, OraErrors.fromH2(ex, "ROLLBACK"));
        }
    }

    /** The bind metadata a cursor was last executed with, or {@code null}. */
    List<Requests.Meta> savedBinds(int cursorId) {
        Cursor c = cursors.get(cursorId);
        return c == null ? null : c.binds;
    }

    /** The SQL of a cursor, or {@code null}. */
    String savedSql(int cursorId) {
        Cursor c = cursors.get(cursorId);
        return c == null ? null : c.sql;
    }

    void closeCursor(int id) {
        Cursor c = cursors.remove(id);
        if (c != null) {
            c.close();
        }
    }

    /** Called from the packet reader when the client interrupts the running call. */
    void cancel() {
        cancelled = true;
        Statement s = running;
        if (s != null) {
            try {
                s.cancel();
            } catch (SQLException ignored) {
                // the statement finished meanwhile
            }
        }
    }

    boolean transactionOpen() {
        return transaction;
    }

    @Override
    public void close() {
        cursors.values().forEach(Cursor::close);
        cursors.clear();
        try {
            if (!h2.isClosed()) {
                h2.rollback();
                h2.close();
            }
        } catch (SQLException ignored) {
            // the shared database may already be shut down
        }
    }

    // ---------------------------------------------------------------- execution

    private Cursor open(String sql) {
        if (cursors.size() >= MAX_CURSORS) {
            throw new OraException(1000, "maximum open cursors exceeded");
        }
        int id = nextCursorId++;
        Cursor c = new Cursor(id, sql);
        cursors.put(id, c);
        return c;
    }

    private void prepare(Cursor c) throws SQLException {
        if (c.ps != null) {
            return;
        }
        if (c.kind != SqlText.Kind.PLSQL && c.sql.strip().endsWith(";")) {
            throw new OraException(911, "invalid character");
        }
        String text = SqlText.session(c.sql, this::userenv);
        c.returning = DmlReturning.parse(text);
        SqlText.Parsed p = SqlText.binds(c.returning != null ? c.returning.h2Sql() : text);
        c.bindNames = p.bindNames();
        c.h2Sql = p.h2Sql();
        c.ps = h2.prepareStatement(c.h2Sql);
    }

    private void bind(Cursor c, byte[][] row) throws SQLException {
        int expected = c.bindNames.size();
        int given = row == null ? 0 : row.length;
        if (given < expected) {
            throw new OraException(1008, "not all variables bound");
        }
        if (given > expected) {
            throw new OraException(1036, "illegal variable name/number");
        }
        for (int i = 0; i < expected; i++) {
            c.ps.setObject(i + 1, bindValue(row[i], c.binds.get(i)));
        }
    }

    private void runQuery(Cursor c, List<byte[][]> bindRows) throws SQLException {
        prepare(c);
        c.closeResults();
        // a define-only re-execute (node-oracledb for LOB / VECTOR columns) sends no bind values: the query
        // runs again with the values of its previous execution
        byte[][] row = bindRows.isEmpty() ? c.lastBindRow : bindRows.get(0);
        c.lastBindRow = row;
        bind(c, row);
        running = c.ps;
        c.rs = c.ps.executeQuery();
        c.columns = columns(c.rs.getMetaData());
    }

    private long[] dml(Cursor c, List<byte[][]> bindRows) throws SQLException {
        prepare(c);
        running = c.ps;
        long[] counts;
        if (c.returning != null) {
            byte[][] row = bindRows.isEmpty() ? new byte[0][] : bindRows.get(0);
            bind(c, Arrays.copyOf(row, Math.max(0, row.length - c.returning.intoBinds())));
            try (ResultSet rs = c.ps.executeQuery()) {
                c.returned = DmlReturning.rows(rs);
            }
            counts = new long[] {c.returned.size()};
        } else if (bindRows.size() <= 1) {
            bind(c, bindRows.isEmpty() ? null : bindRows.get(0));
            counts = new long[] {c.ps.executeUpdate()};
        } else {
            for (byte[][] row : bindRows) {
                bind(c, row);
                c.ps.addBatch();
            }
            counts = Arrays.stream(c.ps.executeBatch()).asLongStream().toArray();
        }
        transaction = true;
        return counts;
    }

    private void ddl(Cursor c) throws SQLException {
        ddlCount(c);
    }

    private long ddlCount(Cursor c) throws SQLException {
        if (c.sql.strip().endsWith(";")) {
            throw new OraException(911, "invalid character");
        }
        if (AlterSession.matches(c.sql)) {
            AlterSession.apply(c.sql, userenv);
            return 0; // a session setting: no commit, no H2 statement
        }
        try (Statement s = h2.createStatement()) {
            running = s;
            s.execute(SqlText.rewrite(SqlText.session(c.sql, this::userenv)));
        }
        transaction = false; // DDL commits, as in Oracle
        return 0;
    }

    /**
     * SAVEPOINT / ROLLBACK TO SAVEPOINT run in the open H2 transaction (a savepoint the
     * transaction does not have is ORA-01086); LOCK TABLE only checks that the table exists.
     */
    private void transactionStatement(Cursor c) throws SQLException {
        String sql = SqlText.session(c.sql, this::userenv);
        try (Statement s = h2.createStatement()) {
            running = s;
            if (c.kind == SqlText.Kind.LOCK) {
                s.executeQuery(SqlText.lockTableCheck(sql)).close();
            } else {
                // Oracle's ROLLBACK [WORK] TO [SAVEPOINT] name (ojdbc sends "ROLLBACK TO name"); H2 needs the keyword
                s.execute(sql.strip().replaceFirst("(?is)^rollback\\s+(?:work\\s+)?to\\s+(?:savepoint\\s+)?", "ROLLBACK TO SAVEPOINT "));
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == 90063) { // H2: savepoint is invalid
                throw new OraException(1086, "savepoint '" + sql.strip().replaceAll("(?is).*\\bsavepoint\\s+", "").toUpperCase(Locale.ROOT)
                        + "' never established in this session or is invalid");
            }
            throw e;
        }
    }

    private void commit() throws SQLException {
        h2.commit();
        transaction = false;
    }

    private void rollback() throws SQLException {
        h2.rollback();
        transaction = false;
    }

    private byte[] plsql(Cursor c, List<byte[][]> bindRows, Ttc.Out out) throws SQLException {
        if (c.block == null) {
            c.block = PlsqlBlock.parse(c.sql);
            c.bindNames = c.block.bindNames();
        }
        byte[][] row = bindRows.isEmpty() ? new byte[0][] : bindRows.get(0);
        if (row.length != c.bindNames.size()) {
            throw new OraException(row.length < c.bindNames.size() ? 1008 : 1036,
                    row.length < c.bindNames.size() ? "not all variables bound" : "illegal variable name/number");
        }
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < row.length; i++) {
            values.put(c.bindNames.get(i), bindValue(row[i], c.binds.get(i)));
        }
        boolean changed = c.block.run(h2, values, s -> running = s);
        if (changed) {
            transaction = true;
        }
        if (row.length > 0) {
            // IO_VECTOR: which binds are IN (32), OUT (16) or IN OUT (48)
            out.u8(11).u8(0).ub(row.length).ub(0).ub(1).ub(0).ub(0).ub(0);
            List<Integer> outs = new ArrayList<>();
            for (int i = 0; i < row.length; i++) {
                int dir = c.block.direction(c.bindNames.get(i));
                out.u8(dir);
                if (dir != PlsqlBlock.IN) {
                    outs.add(i);
                }
            }
            if (!outs.isEmpty()) {
                out.u8(7);
                for (int i : outs) {
                    Requests.Meta m = c.binds.get(i);
                    writeValue(out, values.get(c.bindNames.get(i)), m.type(), m.csfrm(), false);
                    out.ub(0); // actual length: not truncated
                }
            }
        }
        return end(out, c.id, 1, null);
    }

    // ---------------------------------------------------------------- results

    private byte[] rows(Cursor c, long max, Ttc.Out out, boolean compress) throws SQLException {
        int n = c.columns.size();
        byte[][] previous = null;
        boolean headerSent = false;
        long sent = 0;
        while (sent < max) {
            Object[] row = nextRow(c);
            if (row == null) {
                break;
            }
            if (!headerSent) {
                out.u8(6).u8(0).ub(0).ub(0).ub(0).ub(0).ub(0).ub(0); // ROW_HEADER
                headerSent = true;
            }
            byte[][] encoded = new byte[n][];
            int[] types = new int[n];
            for (int i = 0; i < n; i++) {
                Requests.Meta d = c.defines != null && i < c.defines.length ? c.defines[i] : null;
                Column col = c.columns.get(i);
                types[i] = d != null ? d.type() : col.type();
                encoded[i] = encode(row[i], types[i], d != null ? d.csfrm() : col.csfrm());
            }
            boolean[] present = new boolean[n];
            int sentColumns = 0;
            for (int i = 0; i < n; i++) {
                // LONG and LOB columns are always sent: a locator is never "the same as the previous row",
                // and ojdbc11 cannot copy a LOB value from the previous row (NoSuchMethodError copyRow)
                present[i] = !compress || previous == null || types[i] == OraType.LONG || types[i] == OraType.LONG_RAW
                        || types[i] == OraType.CLOB || types[i] == OraType.BLOB || types[i] == OraType.VECTOR
                        || types[i] == OraType.JSON || !Arrays.equals(previous[i], encoded[i]);
                sentColumns += present[i] ? 1 : 0;
            }
            if (sentColumns < n) {
                out.u8(21).ub(sentColumns); // BIT_VECTOR: set = sent, clear = same as the previous row
                byte[] bits = new byte[(n + 7) / 8];
                for (int i = 0; i < n; i++) {
                    if (present[i]) {
                        bits[i / 8] |= (byte) (1 << (i % 8));
                    }
                }
                out.raw(bits);
            }
            out.u8(7);
            for (int i = 0; i < n; i++) {
                if (present[i]) {
                    Requests.Meta d = c.defines != null && i < c.defines.length ? c.defines[i] : null;
                    if (types[i] == OraType.VECTOR || types[i] == OraType.JSON) {
                        writePrefetched(out, encoded[i]);
                    } else if (types[i] == OraType.CLOB || types[i] == OraType.BLOB) {
                        writeLocator(out, encoded[i], types[i], d != null && (d.contFlags() & LOB_PREFETCH) != 0,
                                d == null ? 0 : d.maxChars());
                    } else {
                        writeEncoded(out, encoded[i], types[i]);
                    }
                }
            }
            previous = encoded;
            sent++;
            c.fetched++;
        }
        boolean done = peekDone(c);
        return end(out, c.id, c.fetched, done ? OraError.of(1403, "no data found") : null);
    }

    private Object[] nextRow(Cursor c) throws SQLException {
        if (c.ahead != null) {
            Object[] r = c.ahead;
            c.ahead = null;
            return r;
        }
        if (c.exhausted || c.rs == null) {
            return null;
        }
        running = null;
        if (!c.rs.next()) {
            c.exhausted = true;
            return null;
        }
        return read(c);
    }

    /** Reads one row ahead so that the last batch already carries ORA-01403 (one round trip fewer). */
    private boolean peekDone(Cursor c) throws SQLException {
        if (c.ahead != null) {
            return false;
        }
        if (c.exhausted || c.rs == null) {
            return true;
        }
        if (!c.rs.next()) {
            c.exhausted = true;
            return true;
        }
        c.ahead = read(c);
        return false;
    }

    private Object[] read(Cursor c) throws SQLException {
        ResultSet rs = c.rs;
        Object[] row = new Object[c.columns.size()];
        for (int i = 0; i < row.length; i++) {
            Column col = c.columns.get(i);
            int j = i + 1;
            Object v;
            switch (col.type()) {
                case OraType.NUMBER:
                    v = rs.getBigDecimal(j);
                    break;
                case OraType.BINARY_FLOAT:
                    v = rs.getFloat(j);
                    break;
                case OraType.BINARY_DOUBLE:
                    v = rs.getDouble(j);
                    break;
                case OraType.RAW:
                case OraType.BLOB:
                case OraType.VECTOR:
                    v = rs.getBytes(j);
                    break;
                case OraType.DATE:
                case OraType.TIMESTAMP:
                    v = rs.getObject(j, LocalDateTime.class);
                    break;
                case OraType.TIMESTAMP_TZ:
                    v = rs.getObject(j, OffsetDateTime.class);
                    break;
                case OraType.BOOLEAN:
                    v = rs.getBoolean(j);
                    break;
                case OraType.INTERVAL_DS:
                    v = rs.getObject(j, Duration.class);
                    break;
                case OraType.INTERVAL_YM:
                    v = rs.getObject(j, Period.class);
                    break;
                default:
                    v = col.vector() ? rs.getBytes(j) : rs.getString(j);
                    if (col.vector() && v != null) {
                        v = VectorData.parse((byte[]) v).text(); // a client without VECTOR: Oracle's text form
                    }
                    break;
            }
            row[i] = rs.wasNull() ? null : v;
        }
        return row;
    }

    private List<Column> columns(ResultSetMetaData md) throws SQLException {
        List<Column> cols = new ArrayList<>(md.getColumnCount());
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String name = md.getColumnLabel(i).toUpperCase(Locale.ROOT);
            boolean nullable = md.isNullable(i) != ResultSetMetaData.columnNoNulls;
            int p = md.getPrecision(i);
            int s = md.getScale(i);
            String typeName = md.getColumnTypeName(i).toUpperCase(Locale.ROOT);
            Column c;
            switch (md.getColumnType(i)) {
                case Types.NUMERIC:
                case Types.DECIMAL:
                    c = typeName.startsWith("DECFLOAT") || p <= 0 || p > 38
                            ? new Column(name, OraType.NUMBER, 0, -127, 0, 22, nullable, 0)
                            : new Column(name, OraType.NUMBER, p, s, 0, 22, nullable, 0);
                    break;
                case Types.TINYINT:
                case Types.SMALLINT:
                case Types.INTEGER:
                case Types.BIGINT:
                    int digits = md.getColumnType(i) == Types.BIGINT ? 19 : md.getColumnType(i) == Types.INTEGER ? 10 : 5;
                    c = new Column(name, OraType.NUMBER, digits, 0, 0, 22, nullable, 0);
                    break;
                case Types.REAL:
                    c = new Column(name, OraType.BINARY_FLOAT, 0, 0, 0, 4, nullable, 0);
                    break;
                case Types.DOUBLE:
                case Types.FLOAT:
                    c = new Column(name, OraType.BINARY_DOUBLE, 0, 0, 0, 8, nullable, 0);
                    break;
                case Types.CHAR:
                    c = text(name, OraType.CHAR, p, nullable);
                    break;
                case Types.CLOB:
                case Types.NCLOB:
                    c = new Column(name, OraType.CLOB, 0, 0, 0, 4000, nullable, OraType.CSFRM_IMPLICIT);
                    break;
                case Types.BLOB:
                    c = new Column(name, OraType.BLOB, 0, 0, 0, 4000, nullable, 0);
                    break;
                case Types.BINARY:
                case Types.VARBINARY:
                    if (isVector(md, i)) {
                        c = clientTypes.vector() ? new Column(name, OraType.VECTOR, 0, 0, 0, 4000, nullable, 0, true)
                                : new Column(name, OraType.CLOB, 0, 0, 0, 4000, nullable, OraType.CSFRM_IMPLICIT, true);
                        break;
                    }
                    c = new Column(name, OraType.RAW, 0, 0, 0, Math.max(1, Math.min(32767, p)), nullable, 0);
                    break;
                case Types.DATE:
                    c = new Column(name, OraType.DATE, 0, 0, 0, 7, nullable, 0);
                    break;
                case Types.TIMESTAMP:
                    c = s == 0 ? new Column(name, OraType.DATE, 0, 0, 0, 7, nullable, 0)
                            : new Column(name, OraType.TIMESTAMP, 0, s, 0, 11, nullable, 0);
                    break;
                case Types.TIMESTAMP_WITH_TIMEZONE:
                    c = new Column(name, OraType.TIMESTAMP_TZ, 0, s, 0, 13, nullable, 0);
                    break;
                case Types.BOOLEAN:
                    c = clientTypes.booleanType() ? new Column(name, OraType.BOOLEAN, 0, 0, 0, 4, nullable, 0)
                            : new Column(name, OraType.NUMBER, 1, 0, 0, 22, nullable, 0);
                    break;
                default:
                    if (typeName.equals("JSON")) {
                        c = clientTypes.json() ? new Column(name, OraType.JSON, 0, 0, 0, 4000, nullable, 0)
                                : new Column(name, OraType.CLOB, 0, 0, 0, 4000, nullable, OraType.CSFRM_IMPLICIT);
                        break;
                    }
                    if (typeName.startsWith("INTERVAL DAY")) {
                        c = new Column(name, OraType.INTERVAL_DS, 2, 6, 0, 11, nullable, 0);
                    } else if (typeName.startsWith("INTERVAL YEAR")) {
                        c = new Column(name, OraType.INTERVAL_YM, 2, 0, 0, 5, nullable, 0);
                    } else {
                        c = text(name, OraType.VARCHAR, p, nullable);
                    }
                    break;
            }
            cols.add(c);
        }
        return cols;
    }

    /** True when the result column is a table column of the vector domain (H2's metadata names only the base type). */
    private boolean isVector(ResultSetMetaData md, int i) throws SQLException {
        String table = md.getTableName(i);
        if (table == null || table.isEmpty()) {
            return false;
        }
        try (PreparedStatement ps = h2.prepareStatement("SELECT DOMAIN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ?"
                + " AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            ps.setString(1, md.getSchemaName(i));
            ps.setString(2, table);
            ps.setString(3, md.getColumnName(i));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && VectorData.DOMAIN.equals(rs.getString(1));
            }
        }
    }

    /**
     * VARCHAR2 / CHAR: at most 4000 bytes, as with MAX_STRING_SIZE=STANDARD (node-oracledb reads
     * a larger buffer size as a LONG value with trailing indicator fields).
     */
    private static Column text(String name, int type, int chars, boolean nullable) {
        int n = chars <= 0 || chars > 4000 ? 4000 : chars;
        return new Column(name, type, 0, 0, n, Math.min(4000, n * 4), nullable, OraType.CSFRM_IMPLICIT);
    }

    /** DESCRIBE_INFO (16) in the field-version-13 layout (protocol.md §7.2). */
    private void describe(Cursor c, ResultSetMetaData md, Ttc.Out out) throws SQLException {
        List<Column> cols = c.columns != null && c.rs != null ? c.columns : columns(md);
        c.columns = cols;
        out.u8(16).u8(0); // empty leading blob
        out.ub(cols.stream().mapToLong(Column::bufferSize).sum()).ub(cols.size());
        if (!cols.isEmpty()) {
            out.u8(0);
        }
        int position = 1;
        for (Column col : cols) {
            out.u8(col.type()).u8(0);
            out.u8(col.precision());
            boolean wideScale = col.type() == OraType.NUMBER || col.type() == OraType.INTERVAL_DS || col.type() == OraType.TIMESTAMP
                    || col.type() == OraType.TIMESTAMP_TZ || col.type() == OraType.TIMESTAMP_LTZ;
            if (wideScale && clientTypes.sb1Universal()) {
                out.ub(col.scale());
            } else {
                out.u8(col.scale());
            }
            out.ub(col.bufferSize()).ub(0).ub(0).ub(0).ub(0);
            out.ub(col.csfrm() == 0 ? 0 : col.csfrm() == OraType.CSFRM_NCHAR ? OraType.AL16UTF16 : OraType.AL32UTF8).u8(col.csfrm());
            out.ub(col.maxChars()).ub(0);
            out.u8(col.nullable() ? 1 : 0);
            byte[] name = col.name().getBytes(StandardCharsets.UTF_8);
            out.u8(Math.min(255, name.length));
            out.ub(name.length).clr(name);
            out.ub(0).ub(0); // schema, type name
            out.ub(position++).ub(0); // position, UDS flags
        }
        out.ub(0).ub(0).ub(0).ub(0).ub(0).ub(0); // current date, dcbflag, dcbmdbz, dcbmnpr, dcbmxpr, dcbqcky
    }

    /**
     * PARAMETER (8), the call's return parameters: al8o4[2] carries the cursor id. Observed:
     * ojdbc11 takes the cursor from there (and re-executes with cursor 0 without it); python and
     * node read the cursor from ERROR and skip this array; go-ora reads [0] and [1] as an SCN.
     */
    private static void returnParameters(Ttc.Out out, int cursorId, long[] dmlCounts) {
        out.u8(8).ub(13).ub(0).ub(0).ub(cursorId);
        for (int i = 3; i < 13; i++) {
            out.ub(0);
        }
        out.ub(0).ub(0).ub(0); // transaction id, key/value pairs, registration
        if (dmlCounts != null) {
            out.ub(dmlCounts.length);
            for (long n : dmlCounts) {
                out.ub(n);
            }
        }
    }

    byte[] end(Ttc.Out out, int cursorId, long rowCount, OraError error) {
        int status = transaction ? 0x02 : 0;
        if (error == null) {
            out.error(status, cursorId, rowCount, 0, 0, null);
        } else {
            out.error(status | 1, cursorId, rowCount, error.number(), error.offset(), error.message());
        }
        return out.bytes();
    }

    byte[] error(int cursorId, OraError e) {
        return end(new Ttc.Out(), cursorId, 0, e);
    }

    // ---------------------------------------------------------------- values

    private void writeEncoded(Ttc.Out out, byte[] v, int type) {
        out.clr(v);
        if (type == OraType.LONG || type == OraType.LONG_RAW) {
            out.ub(v == null ? -1 : 0).ub(0); // null indicator, return code
        }
    }

    /** Define cont flag: the client wants LOB data prefetched with the locator. */
    static final long LOB_PREFETCH = 0x2000000L;

    /**
     * A LOB column not defined as LONG / LONG RAW: ub4 locator length, then the locator (CLR). When
     * the client's define asks for LOB prefetch (node-oracledb's Lob fetches): LOB length (ub8) and
     * chunk size (ub4) first; with a prefetch length, for a CLOB its charset and then the data too
     * (the layout go-ora reads). ojdbc11 defines nothing, reads the locator alone and then asks for
     * chunk size, length and data with LOB_OP (96).
     */
    private void writeLocator(Ttc.Out out, byte[] v, int type, boolean prefetch, long prefetchLength) {
        if (v == null) {
            out.ub(0);
            return;
        }
        boolean clob = type == OraType.CLOB;
        byte[] locator = lobs.locator(clob ? new String(v, StandardCharsets.UTF_8) : v, clob);
        LobStore.Entry e = lobs.entry(locator);
        out.ub(locator.length);
        if (prefetch) {
            out.ub(e.length()).ub(LobStore.CHUNK_SIZE);
            if (prefetchLength > 0) { // data asked for too (the define's max chars is the prefetch length)
                if (clob) {
                    out.u8(1).ub(OraType.AL16UTF16).u8(OraType.CSFRM_IMPLICIT); // the locator says UTF-16, so does the data
                }
                out.clr(e.read(1, e.length()));
            }
        }
        out.clr(locator);
    }

    /**
     * A VECTOR value (python {@code read_vector}, node {@code readVector}): ub4 locator length (0 for
     * NULL), ub8 size, ub4 chunk size, the image (CLR), then the locator (CLR), whether or not the
     * client's define asked for prefetch: the value is always complete in the row.
     */
    private static void writePrefetched(Ttc.Out out, byte[] v) {
        if (v == null) {
            out.ub(0);
            return;
        }
        byte[] locator = new byte[40];
        locator[1] = 38;
        locator[3] = 4;
        locator[4] = 0x61; // value based, BLOB, abstract
        locator[5] = 0x08; // initialised
        out.ub(locator.length).ub(v.length).ub(LobStore.CHUNK_SIZE).clr(v).clr(locator);
    }

    /** LOB_OP (96): see {@link LobOps}. */
    byte[] lobOp(Ttc.In in) {
        return LobOps.handle(this, in);
    }

    private void writeValue(Ttc.Out out, Object v, int type, int csfrm, boolean fetch) {
        byte[] b = encode(v, type, csfrm);
        if (fetch) {
            writeEncoded(out, b, type);
        } else {
            out.clr(b);
        }
    }

    static byte[] encode(Object v, int type, int csfrm) {
        if (v == null) {
            return null;
        }
        switch (type) {
            case OraType.VARCHAR:
            case OraType.CHAR:
            case OraType.LONG:
            case OraType.CLOB:
                String s = text(v);
                return s.getBytes(csfrm == OraType.CSFRM_NCHAR ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_8);
            case OraType.NUMBER:
            case OraType.BINARY_INTEGER:
                try {
                    return Values.number(decimal(v));
                } catch (ArithmeticException e) {
                    throw new OraException(1426, "numeric overflow");
                }
            case OraType.BINARY_FLOAT:
                return Values.binaryFloat(((Number) v).floatValue());
            case OraType.BINARY_DOUBLE:
                return Values.binaryDouble(((Number) v).doubleValue());
            case OraType.DATE:
                return Values.date(localDateTime(v).truncatedTo(ChronoUnit.SECONDS));
            case OraType.TIMESTAMP:
            case OraType.TIMESTAMP_LTZ:
                return Values.timestamp(localDateTime(v));
            case OraType.TIMESTAMP_TZ:
                return Values.timestampTz(v instanceof OffsetDateTime o ? o : localDateTime(v).atOffset(ZoneOffset.UTC));
            case OraType.RAW:
            case OraType.LONG_RAW:
            case OraType.BLOB:
                return v instanceof byte[] b ? b : text(v).getBytes(StandardCharsets.UTF_8);
            case OraType.VECTOR:
                return VectorData.parse((byte[]) v).image();
            case OraType.JSON:
                return OsonWriter.oson(OsonWriter.parse(text(v)));
            case OraType.BOOLEAN:
                return Values.bool(v instanceof Boolean b ? b : decimal(v).signum() != 0);
            case OraType.INTERVAL_DS:
                return Values.intervalDs((Duration) v);
            case OraType.INTERVAL_YM:
                return Values.intervalYm((Period) v);
            default:
                throw new OraException(3001, "unimplemented feature (the orathin testkit cannot return Oracle type " + type + ")");
        }
    }

    private static String text(Object v) {
        if (v instanceof BigDecimal d) {
            return numberText(d);
        }
        if (v instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (v instanceof byte[] b) {
            return java.util.HexFormat.of().withUpperCase().formatHex(b);
        }
        return v.toString();
    }

    /** NUMBER as Oracle's default conversion writes it: plain up to 40 characters, else 9.99E+125 / 1.0E-130. */
    static String numberText(BigDecimal d) {
        BigDecimal n = d.stripTrailingZeros();
        String plain = n.toPlainString();
        if (plain.length() <= 40) {
            return plain.startsWith("0.") ? plain.substring(1) : plain.startsWith("-0.") ? "-" + plain.substring(2) : plain;
        }
        String digits = n.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - n.scale();
        String mantissa = digits.length() == 1 ? digits + ".0" : digits.charAt(0) + "." + digits.substring(1);
        return (n.signum() < 0 ? "-" : "") + mantissa + "E" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }

    private static BigDecimal decimal(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (v instanceof Double || v instanceof Float) {
            return BigDecimal.valueOf(((Number) v).doubleValue());
        }
        if (v instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new OraException(1722, "invalid number");
        }
    }

    private static LocalDateTime localDateTime(Object v) {
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof OffsetDateTime o) {
            return o.toLocalDateTime();
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().atStartOfDay();
        }
        throw new OraException(1858, "a non-numeric character was found where a numeric was expected");
    }

    /** A bind value as the Java object H2 takes. */
    /** A bind value for H2: a LOB locator bind (CLOB / BLOB metadata) is replaced by the LOB's contents. */
    private Object bindValue(byte[] b, Requests.Meta m) {
        if (b != null && (m.type() == OraType.CLOB || m.type() == OraType.BLOB) && lobs.entry(b) != null) {
            return lobs.entry(b).value();
        }
        return decode(b, m);
    }

    static Object decode(byte[] b, Requests.Meta m) {
        if (b == null) {
            return null;
        }
        switch (m.type()) {
            case OraType.VARCHAR:
            case OraType.CHAR:
            case OraType.LONG:
            case OraType.ROWID:
            case OraType.UROWID:
            case OraType.CLOB:
                String s = new String(b, m.csfrm() == OraType.CSFRM_NCHAR ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_8);
                return s.isEmpty() ? null : s;
            case OraType.NUMBER:
            case OraType.BINARY_INTEGER:
                return Values.number(b);
            case OraType.BINARY_FLOAT:
                return Values.binaryFloat(b);
            case OraType.BINARY_DOUBLE:
                return Values.binaryDouble(b);
            case OraType.DATE:
            case OraType.TIMESTAMP:
            case OraType.TIMESTAMP_TZ:
            case OraType.TIMESTAMP_LTZ:
                return Values.dateTime(b);
            case OraType.RAW:
            case OraType.LONG_RAW:
            case OraType.BLOB:
                return b;
            case OraType.BOOLEAN:
                return Values.bool(b);
            case OraType.VECTOR:
                return VectorData.parse(b).image();
            case OraType.JSON:
                return OsonReader.toJson(b).getBytes(StandardCharsets.UTF_8); // H2 parses bytes bound to a JSON column
            case OraType.INTERVAL_DS:
                return Values.intervalDs(b);
            case OraType.INTERVAL_YM:
                return Values.intervalYm(b);
            default:
                throw new OraException(3001, "unimplemented feature (the orathin testkit cannot bind Oracle type " + m.type() + ")");
        }
    }

    /** The sleep behind {@code dbms_session.sleep}: interruptible by a client's cancel. */
    static int sleep(double seconds) throws SQLException {
        SqlSession s = CURRENT.get();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            if (s != null && s.cancelled) {
                throw new SQLException("cancelled", "HY008", 57014);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted", "HY008", 57014);
            }
        }
        return 0;
    }
}
