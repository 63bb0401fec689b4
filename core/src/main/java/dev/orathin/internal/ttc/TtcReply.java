package dev.orathin.internal.ttc;

/**
 * The reader of one call's reply, as the connection's round trip drives it: it reads messages
 * until the reply ends, or until the server asks for FLUSH_OUT_BINDS (then the connection answers
 * and calls {@link #read} again). Statement replies and LOB operation replies implement it.
 */
public interface TtcReply {

    /** Reads messages until the reply ends or the server asks for FLUSH_OUT_BINDS. */
    void read(TtcReader r, boolean endOfResponseMarked);

    /** True when the last {@link #read} stopped at a FLUSH_OUT_BINDS request. */
    boolean flushOutBinds();
}
