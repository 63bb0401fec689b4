package dev.orathin.internal.sql;

import dev.orathin.internal.ttc.TtcCodes;
import dev.orathin.internal.ttc.TtcWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;

/**
 * The end-to-end attributes of a session (V$SESSION module, action, client identifier, client
 * info) as the application last set them, and which of them the server has not been told yet:
 * they go with the next call as the SET_END_TO_END_ATTR piggyback (python-oracledb
 * {@code _write_end_to_end_piggyback}). Not thread safe: the connection's lock guards it.
 */
public final class EndToEnd {

    /** Attribute flags (python TNS_END_TO_END_*). */
    public static final int CLIENT_IDENTIFIER = 0x0001, MODULE = 0x0008, ACTION = 0x0010, CLIENT_INFO = 0x0100;

    private int changed;
    private String module;
    private String action;
    private String clientIdentifier;
    private String clientInfo;

    /** Sets one attribute ({@link #MODULE}, ...); null clears it on the server. */
    public void set(int attribute, String value) {
        switch (attribute) {
            case MODULE -> module = value;
            case ACTION -> action = value;
            case CLIENT_IDENTIFIER -> clientIdentifier = value;
            case CLIENT_INFO -> clientInfo = value;
            default -> throw new IllegalArgumentException("end-to-end attribute " + attribute);
        }
        changed |= attribute;
    }

    /** True when an attribute changed since the last piggyback. */
    public boolean pending() {
        return changed != 0;
    }

    /**
     * Writes the SET_END_TO_END_ATTR piggyback of the changed attributes (function 135, python-oracledb
     * {@code _write_end_to_end_piggyback}) — pointer/length pairs for client identifier, module,
     * action, (ECID, unused), client info, (two unused), DBOP, then the strings that changed as CLRs;
     * a null value clears the attribute — and forgets the changes. Nothing when none changed.
     */
    public void writePiggyback(TtcWriter w, IntSupplier seq, int fieldVersion) {
        if (changed == 0) {
            return;
        }
        Requests.piggybackHeader(w, TtcCodes.FN_SET_END_TO_END_ATTR, seq.getAsInt(), fieldVersion);
        w.ub1(0).ub1(0); // cidnam, cidser
        w.ub(changed);
        byte[] cid = attribute(w, CLIENT_IDENTIFIER, clientIdentifier);
        byte[] mod = attribute(w, MODULE, module);
        byte[] act = attribute(w, ACTION, action);
        w.ub1(0).ub(0).ub1(0).ub(0); // cideci, cidcct, cidecs
        byte[] info = attribute(w, CLIENT_INFO, clientInfo);
        w.ub1(0).ub(0).ub1(0).ub(0); // cidkstk, cidktgt
        w.ub1(0).ub(0); // dbop
        for (byte[] b : new byte[][] {cid, mod, act, info}) {
            if (b != null) {
                w.clr(b);
            }
        }
        changed = 0;
    }

    private byte[] attribute(TtcWriter w, int flag, String value) {
        if ((changed & flag) == 0) {
            w.ub1(0).ub(0);
            return null;
        }
        byte[] b = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        w.ub1(1).ub(b == null ? 0 : b.length);
        return b;
    }
}
