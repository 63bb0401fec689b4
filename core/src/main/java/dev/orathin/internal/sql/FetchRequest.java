package dev.orathin.internal.sql;

import dev.orathin.internal.ttc.AuthExchange;
import dev.orathin.internal.ttc.TtcCodes;
import dev.orathin.internal.ttc.TtcRequest;
import dev.orathin.internal.ttc.TtcWriter;
import java.util.function.IntSupplier;

/**
 * FETCH (function 5) of more rows of an open cursor (python-oracledb {@code FetchMessage}):
 * {@code ub4 cursor id, ub4 rows}. The reply is a {@link Response} with the cursor's columns.
 *
 * @param cursorId the server cursor
 * @param rows rows to fetch
 */
public record FetchRequest(int cursorId, int rows) implements TtcRequest {

    @Override
    public byte[] encode(IntSupplier seq, int fieldVersion, byte[] piggybacks) {
        TtcWriter w = new TtcWriter();
        w.raw(piggybacks);
        w.raw(AuthExchange.function(TtcCodes.FN_FETCH, seq.getAsInt(), fieldVersion).toByteArray());
        return w.ub(cursorId).ub(rows).toByteArray();
    }
}
