package dev.orathin;

import dev.orathin.internal.call.TtcCall;
import dev.orathin.internal.sql.BindValue;
import dev.orathin.internal.sql.CloseCursors;
import dev.orathin.internal.sql.ColumnInfo;
import dev.orathin.internal.sql.EndToEnd;
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
import dev.orathin.internal.ttc.TtcRequest;
import dev.orathin.internal.ttc.TtcWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The statement calls of one connection, behind {@link OracleConnection}'s API: binds encoded,
 * the statement taken from the cache, EXECUTE or re-execute chosen (python-oracledb's
 * {@code Statement} / {@code ExecuteMessage} rules), LOB columns defined, FETCH, array DML, and
 * the piggybacks due before each call (cursors to close, end-to-end attributes). Each request
 * goes through the connection's {@link TtcCall}. Runs under the connection's lock only.
 */
final class StatementCalls {

    private final OracleConnection conn;
    private final TtcCall ttc;
    private final StatementCache statements = new StatementCache(OracleConnection.STATEMENT_CACHE_SIZE);
    private final EndToEnd endToEnd = new EndToEnd();
    /** Temporary LOBs created for stream binds of the call running now: freed when it ends. */
    private final List<Lob> tempLobs = new ArrayList<>();
    private final Response.LobMaker lobMaker;

    StatementCalls(OracleConnection conn, TtcCall ttc) {
        this.conn = conn;
        this.ttc = ttc;
        this.lobMaker = (c, locator, length, chunk) -> Lob.of(conn, c, locator, length, chunk);
    }

    /** The statement cache (the connection releases statements into it under its lock). */
    StatementCache statements() {
        return statements;
    }

    /** The end-to-end attributes sent with the next call. */
    EndToEnd endToEnd() {
        return endToEnd;
    }

    /** Array DML (see {@link OracleConnection#executeMany}); temporary LOBs of stream binds are freed at the end. */
    long[] executeMany(String sql, List<Object[]> rows) {
        try {
            return executeManyLocked(sql, rows);
        } finally {
            Lob.freeAll(tempLobs);
        }
    }

    private long[] executeManyLocked(String sql, List<Object[]> rows) {
        conn.ensureOpen();
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
        int maxString = ttc.capabilities().maxStringSize();
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
                    : Requests.OPT_NOT_PLSQL) | (conn.autoCommit() ? Requests.OPT_COMMIT : 0);
            boolean parse = st.cursorId == 0 || text.kind() == SqlText.Kind.DDL;
            if (parse) {
                options |= Requests.OPT_PARSE;
            }
            boolean counts = !text.isPlsql();
            ExecuteRequest req = ExecuteRequest.builder().options(options).cursorId(st.cursorId).sql(parse ? st.sqlBytes : null)
                    .executions(rows.size()).binds(encoded, metaList).dmlRowCounts(counts).build();
            Response resp = ttc.roundTrip(req, piggybacks(), new Response(ttc.capabilities(), null, null, text.isPlsql(), metaList, counts));
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
            conn.release(st);
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

    // ---- statement execution -------------------------------------------------------------

    private BindValue bind(Object v, int maxString, String where) {
        BindValue lob = Lob.bindValue(conn, v, tempLobs, where);
        if (lob != null) {
            return lob;
        }
        try {
            return BindValue.of(v, maxString, where);
        } catch (IllegalArgumentException e) {
            throw new OrathinProtocolException(CoreErrorCode.BIND_ERROR, e.getMessage());
        }
    }

    /** Runs a statement with its values in placeholder order (see {@link OracleConnection#execute}). */
    Cursor run(SqlText text, List<Object> values) {
        int maxString = ttc.capabilities().maxStringSize();
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
        if (st.lobsDefined && st.lobLocators != conn.fetchLobs() && st.columns.stream().anyMatch(ColumnInfo::isLob)) {
            statements.closeLater(st.cursorId); // defined the other way: parse again rather than re-define
            st.reset();
        }
        try {
            boolean parsedBefore = st.cursorId != 0;
            try {
                return executeStatement(st, binds, conn.prefetchRows());
            } catch (OracleDatabaseException e) {
                // a cached query whose tables changed shape: parse it again, once (python-oracledb's retry on
                // ORA-01007 variable not in select list / ORA-00932 inconsistent datatypes)
                if (parsedBefore && text.isQuery() && (e.oraCode() == 1007 || e.oraCode() == 932)) {
                    return executeStatement(st, binds, conn.prefetchRows());
                }
                throw e;
            }
        } catch (RuntimeException e) {
            conn.release(st);
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
            if (conn.autoCommit()) {
                options |= Requests.OPT_COMMIT;
            }
            int executions = query ? (st.cursorId == 0 ? 0 : prefetch) : 1;
            req = ExecuteRequest.builder().options(options).cursorId(st.cursorId).sql(parse ? st.sqlBytes : null).prefetchRows(prefetch)
                    .query(query).executions(executions).binds(List.of(binds), binds).build();
        } else {
            req = new ReexecuteRequest(st.cursorId, query && prefetch > 0, prefetch, 1, conn.autoCommit(), List.of(binds), meta);
        }
        Response resp = ttc.roundTrip(req, piggybacks(), new Response(ttc.capabilities(), query ? st.columns : null, null, text.isPlsql(), binds, false)
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
                        .defines(st.columns, conn.fetchLobs()).build();
                resp = ttc.roundTrip(define, new byte[0], new Response(ttc.capabilities(), st.columns, null, false, List.of(), false)
                        .lobLocators(conn.fetchLobs() ? lobMaker : null));
                st.lobsDefined = true;
                st.lobLocators = conn.fetchLobs();
                end = finishStatement(st, resp);
            }
        }
        boolean more = query && (end == null || end.number() != Response.ORA_NO_DATA_FOUND);
        if (query && st.columns == null) {
            throw new OrathinProtocolException(CoreErrorCode.UNEXPECTED_MESSAGE, "query reply without describe info");
        }
        long rowCount = end == null ? 0 : end.rowCount();
        return new Cursor(conn, st, query ? toColumns(st.columns) : List.of(), resp.rows(), resp.previousRow(), more,
                query ? resp.rows().size() : rowCount, resp.outValues(), conn.arraySize());
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
        conn.ensureOpen();
        Response resp = ttc.roundTrip(new FetchRequest(st.cursorId, rows), new byte[0], new Response(ttc.capabilities(), st.columns, previousRow, false, List.of(), false)
                .lobsAsLocators(!st.lobsDefined).lobLocators(st.lobLocators ? lobMaker : null));
        finishStatement(st, resp);
        return resp;
    }

    /** Piggybacked calls due before the next request: cursors to close, changed end-to-end attributes. */
    byte[] piggybacks() {
        if (!statements.hasCursorsToClose() && !endToEnd.pending()) {
            return new byte[0];
        }
        TtcWriter w = new TtcWriter();
        new CloseCursors(statements.takeCursorsToClose()).write(w, ttc::nextSequence, ttc.fieldVersion());
        endToEnd.writePiggyback(w, ttc::nextSequence, ttc.fieldVersion());
        return w.toByteArray();
    }

    /** A function without a body (commit, rollback), piggybacks first. */
    void simpleCall(FunctionRequest function) {
        throwIfError(ttc.roundTrip(function, piggybacks(), emptyReply()));
    }

    /** The reply of a function that returns nothing but its end (commit, ping, logoff, ...). */
    Response emptyReply() {
        return new Response(ttc.capabilities(), null, null, false, List.of(), false);
    }

    static void throwIfError(Response resp) {
        if (resp.error() != null) {
            resp.error().throwIfError();
        }
    }
}
