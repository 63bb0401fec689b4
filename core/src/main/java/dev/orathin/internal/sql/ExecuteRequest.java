package dev.orathin.internal.sql;

import dev.orathin.internal.ttc.AuthExchange;
import dev.orathin.internal.ttc.TtcCodes;
import dev.orathin.internal.ttc.TtcRequest;
import dev.orathin.internal.ttc.TtcWriter;
import java.util.List;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * A full EXECUTE (function 94), field by field as python-oracledb's {@code ExecuteMessage}
 * (protocol.md §7.1): parse, bind, define, execute and fetch as {@link #options()} say. Built with
 * {@link #builder()}; what is not set is zero, empty or false.
 *
 * @param options execute options ({@code Requests.OPT_*})
 * @param cursorId cursor id, 0 for a new cursor
 * @param sql the SQL bytes when parsing, else null
 * @param prefetchRows rows to return with the execute (queries)
 * @param query true for queries
 * @param executions al8i4[1]: 0 for a new query, rows to fetch on a query re-execute, executions for DML
 * @param binds bind rows (one list per execution; metadata from {@code bindMeta}), empty for none
 * @param bindMeta the bind metadata (one per placeholder), empty for none
 * @param defines columns to define (LOB columns as LONG / LONG RAW, or as locators), or null
 * @param dmlRowCounts ask for per-row DML counts
 * @param lobLocators with {@code defines}: CLOB / BLOB defined as themselves with the LOB prefetch cont
 *     flag, so that each locator comes with the LOB's length and chunk size (else inline as LONG / LONG RAW)
 */
public record ExecuteRequest(int options, int cursorId, byte[] sql, int prefetchRows, boolean query, int executions,
        List<List<BindValue>> binds, List<BindValue> bindMeta, List<ColumnInfo> defines, boolean dmlRowCounts, boolean lobLocators)
        implements TtcRequest {

    /** Checks the lists. */
    public ExecuteRequest {
        Objects.requireNonNull(binds, "binds");
        Objects.requireNonNull(bindMeta, "bindMeta");
    }

    /** A builder with every field zero, empty or false. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public byte[] encode(IntSupplier seq, int fieldVersion, byte[] piggybacks) {
        TtcWriter w = new TtcWriter();
        w.raw(piggybacks);
        w.raw(AuthExchange.function(TtcCodes.FN_EXECUTE, seq.getAsInt(), fieldVersion).toByteArray());
        int numBinds = defines == null ? bindMeta.size() : 0;
        w.ub(options & 0xFFFFFFFFL);
        w.ub(cursorId);
        if (sql != null) {
            w.ub1(1).ub(sql.length);
        } else {
            w.ub1(0).ub(0);
        }
        w.ub1(1).ub(13); // al8i4 array
        w.ub1(0).ub1(0); // al8o4, al8o4l
        w.ub(0); // prefetch buffer size
        w.ub(prefetchRows);
        w.ub(BindValue.MAX_LONG_LENGTH); // max long size
        if (numBinds == 0) {
            w.ub1(0).ub(0);
        } else {
            w.ub1(1).ub(numBinds);
        }
        w.ub1(0).ub1(0).ub1(0).ub1(0).ub1(0); // al8app, al8txn, al8txl, al8kv, al8kvl
        if (defines != null) {
            w.ub1(1).ub(defines.size());
        } else {
            w.ub1(0).ub(0);
        }
        w.ub(0); // registration id
        w.ub1(0).ub1(1).ub1(0); // al8objlist, al8objlen, al8blv
        w.ub(0); // al8blvl
        w.ub1(0).ub(0); // al8dnam, al8dnaml
        w.ub(0); // al8regid_msb
        if (dmlRowCounts) {
            w.ub1(1).ub(binds.size()).ub1(1);
        } else {
            w.ub1(0).ub(0).ub1(0);
        }
        if (fieldVersion >= Requests.FV_12_2) {
            w.ub1(0).ub(0).ub1(0).ub(0).ub1(0); // SQL signature, SQL id
            if (fieldVersion >= Requests.FV_12_2_EXT1) {
                w.ub1(0).ub(0); // chunk ids
            }
        }
        if (sql != null) {
            w.clr(sql);
            w.ub(1); // al8i4[0] parse
        } else {
            w.ub(0);
        }
        w.ub(executions); // al8i4[1]
        w.ub(0).ub(0).ub(0).ub(0).ub(0); // al8i4[2..6]
        w.ub(query ? 1 : 0); // al8i4[7]
        w.ub(0); // al8i4[8]
        w.ub(dmlRowCounts ? Requests.EXEC_FLAG_DML_ROWCOUNTS : 0); // al8i4[9]
        w.ub(0).ub(0).ub(0); // al8i4[10..12]
        if (defines != null) {
            Requests.defines(w, fieldVersion, defines, lobLocators);
        } else if (numBinds > 0) {
            Requests.bindMetadata(w, fieldVersion, bindMeta);
            Requests.bindRows(w, bindMeta, binds);
        }
        return w.toByteArray();
    }

    /** Shows the arguments, not the bind values (they may be secrets). */
    @Override
    public String toString() {
        return "ExecuteRequest[options=0x" + Integer.toHexString(options) + ", cursor=" + cursorId + ", parse=" + (sql != null)
                + ", prefetch=" + prefetchRows + ", query=" + query + ", executions=" + executions + ", bindRows=" + binds.size()
                + ", binds=" + bindMeta.size() + ", defines=" + (defines == null ? "none" : defines.size()) + "]";
    }

    /** Collects an EXECUTE's arguments by name. */
    public static final class Builder {
        private int options;
        private int cursorId;
        private byte[] sql;
        private int prefetchRows;
        private boolean query;
        private int executions;
        private List<List<BindValue>> binds = List.of();
        private List<BindValue> bindMeta = List.of();
        private List<ColumnInfo> defines;
        private boolean dmlRowCounts;
        private boolean lobLocators;

        private Builder() {
        }

        /** Execute options ({@code Requests.OPT_*}). */
        public Builder options(int options) {
            this.options = options;
            return this;
        }

        /** The server cursor, 0 for a new one. */
        public Builder cursorId(int cursorId) {
            this.cursorId = cursorId;
            return this;
        }

        /** The SQL bytes when parsing, else null. */
        public Builder sql(byte[] sql) {
            this.sql = sql;
            return this;
        }

        /** Rows to return with the execute (queries). */
        public Builder prefetchRows(int rows) {
            this.prefetchRows = rows;
            return this;
        }

        /** True for queries. */
        public Builder query(boolean query) {
            this.query = query;
            return this;
        }

        /** al8i4[1]: 0 for a new query, rows to fetch on a query re-execute, executions for DML. */
        public Builder executions(int executions) {
            this.executions = executions;
            return this;
        }

        /** The bind rows (one list per execution) and the metadata (one per placeholder). */
        public Builder binds(List<List<BindValue>> rows, List<BindValue> meta) {
            this.binds = rows;
            this.bindMeta = meta;
            return this;
        }

        /** Columns to define, LOB columns as locators ({@code lobLocators}) or inline as LONG / LONG RAW. */
        public Builder defines(List<ColumnInfo> columns, boolean lobLocators) {
            this.defines = columns;
            this.lobLocators = lobLocators;
            return this;
        }

        /** Ask for per-row DML counts. */
        public Builder dmlRowCounts(boolean counts) {
            this.dmlRowCounts = counts;
            return this;
        }

        /** The request. */
        public ExecuteRequest build() {
            return new ExecuteRequest(options, cursorId, sql, prefetchRows, query, executions, binds, bindMeta, defines, dmlRowCounts,
                    lobLocators);
        }
    }
}
