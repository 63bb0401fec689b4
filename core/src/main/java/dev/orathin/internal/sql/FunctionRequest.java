package dev.orathin.internal.sql;

import dev.orathin.internal.ttc.AuthExchange;
import dev.orathin.internal.ttc.TtcCodes;
import dev.orathin.internal.ttc.TtcRequest;
import dev.orathin.internal.ttc.TtcWriter;
import java.util.function.IntSupplier;

/**
 * A function whose request has no body: COMMIT, ROLLBACK, PING and LOGOFF (python-oracledb's
 * {@code CommitMessage}, {@code RollbackMessage}, {@code PingMessage}, {@code LogoffMessage}).
 * The reply is the call's end (STATUS, or ERROR with the ORA number).
 *
 * @param function the function code
 */
public record FunctionRequest(int function) implements TtcRequest {

    /** COMMIT (function 14). */
    public static final FunctionRequest COMMIT = new FunctionRequest(TtcCodes.FN_COMMIT);
    /** ROLLBACK (function 15). */
    public static final FunctionRequest ROLLBACK = new FunctionRequest(TtcCodes.FN_ROLLBACK);
    /** PING (function 147); sent without piggybacks, as python-oracledb does. */
    public static final FunctionRequest PING = new FunctionRequest(TtcCodes.FN_PING);
    /** LOGOFF (function 9); sent without piggybacks. */
    public static final FunctionRequest LOGOFF = new FunctionRequest(TtcCodes.FN_LOGOFF);

    @Override
    public byte[] encode(IntSupplier seq, int fieldVersion, byte[] piggybacks) {
        TtcWriter w = new TtcWriter();
        w.raw(piggybacks);
        w.raw(AuthExchange.function(function, seq.getAsInt(), fieldVersion).toByteArray());
        return w.toByteArray();
    }
}
