package dev.orathin.internal.ttc;

import java.util.function.IntSupplier;

/**
 * One TTC function call as the client sends it (python-oracledb's {@code Message._write_message}):
 * a value holding the call's arguments that writes its bytes — the piggybacked calls due first,
 * then the FUNCTION message. Each function has its own class; the reply is read by the
 * {@link TtcReply} that goes with it.
 */
public interface TtcRequest {

    /**
     * The request bytes.
     *
     * @param seq sequence numbers (the piggybacks already took theirs; the function takes one)
     * @param fieldVersion the negotiated TTC field version
     * @param piggybacks piggybacked calls to send first, may be empty
     */
    byte[] encode(IntSupplier seq, int fieldVersion, byte[] piggybacks);
}
