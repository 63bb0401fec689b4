package dev.orathin.internal.sql;

import dev.orathin.internal.ttc.AuthExchange;
import dev.orathin.internal.ttc.TtcCodes;
import dev.orathin.internal.ttc.TtcRequest;
import dev.orathin.internal.ttc.TtcWriter;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * A re-execute of a parsed cursor with the same bind types (python-oracledb's {@code ExecuteMessage}
 * for a cursor it parsed before): function 4, or 78 when a query also fetches its first
 * {@code prefetchRows} rows; then the bind rows.
 *
 * @param cursorId the server cursor
 * @param queryFetch true for a query that fetches with the execute (function 78)
 * @param prefetchRows rows to fetch with a query
 * @param executions executions of DML / PL/SQL
 * @param autoCommit commit on success (DML)
 * @param binds bind rows, one list per execution
 * @param bindMeta the bind metadata sent with the full execute, empty for none
 */
public record ReexecuteRequest(int cursorId, boolean queryFetch, int prefetchRows, int executions, boolean autoCommit,
        List<List<BindValue>> binds, List<BindValue> bindMeta) implements TtcRequest {

    @Override
    public byte[] encode(IntSupplier seq, int fieldVersion, byte[] piggybacks) {
        TtcWriter w = new TtcWriter();
        w.raw(piggybacks);
        w.raw(AuthExchange.function(queryFetch ? TtcCodes.FN_REEXECUTE_AND_FETCH : TtcCodes.FN_REEXECUTE, seq.getAsInt(), fieldVersion)
                .toByteArray());
        w.ub(cursorId);
        w.ub(queryFetch ? prefetchRows : executions);
        w.ub(queryFetch ? Requests.OPT_EXECUTE : 0);
        w.ub(autoCommit && !queryFetch ? Requests.OPT_COMMIT_REEXECUTE : 0);
        if (!bindMeta.isEmpty()) {
            Requests.bindRows(w, bindMeta, binds);
        }
        return w.toByteArray();
    }
}
