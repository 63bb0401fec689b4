package dev.orathin.internal.sql;

import dev.orathin.internal.ttc.TtcWriter;
import java.util.function.IntSupplier;

/**
 * The end-to-end attributes of a session (V$SESSION module, action, client identifier, client
 * info) as the application last set them, and which of them the server has not been told yet:
 * they go with the next call as the SET_END_TO_END_ATTR piggyback (python-oracledb
 * {@code _write_end_to_end_piggyback}). Not thread safe: the connection's lock guards it.
 */
public final class EndToEnd {

    private int changed;
    private String module;
    private String action;
    private String clientIdentifier;
    private String clientInfo;

    /** Sets one attribute ({@code Requests.E2E_*}); null clears it on the server. */
    public void set(int attribute, String value) {
        switch (attribute) {
            case Requests.E2E_MODULE -> module = value;
            case Requests.E2E_ACTION -> action = value;
            case Requests.E2E_CLIENT_IDENTIFIER -> clientIdentifier = value;
            case Requests.E2E_CLIENT_INFO -> clientInfo = value;
            default -> throw new IllegalArgumentException("end-to-end attribute " + attribute);
        }
        changed |= attribute;
    }

    /** True when an attribute changed since the last piggyback. */
    public boolean pending() {
        return changed != 0;
    }

    /** Writes the piggyback of the changed attributes (nothing when none changed) and forgets the changes. */
    public void writePiggyback(TtcWriter w, IntSupplier seq, int fieldVersion) {
        Requests.endToEnd(w, seq, fieldVersion, changed, clientIdentifier, module, action, clientInfo);
        changed = 0;
    }
}
