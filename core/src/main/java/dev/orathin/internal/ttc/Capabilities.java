package dev.orathin.internal.ttc;

/**
 * The client's TTC capabilities (protocol.md §5.2) and what the server's PROTOCOL reply changes in
 * them: the negotiated field version (the minimum of both), character sets and limits.
 */
public final class Capabilities {

    /**
     * Field version the client announces. 13 (19c ext1) keeps every message layout free of the 23ai
     * additions (token numbers, domains, annotations, vectors); 23ai servers accept it as they accept
     * 19c clients. BOOLEAN columns need 17 and are a later step.
     */
    public static final int CLIENT_FIELD_VERSION = 13;

    /** AL32UTF8. */
    public static final int CHARSET_AL32UTF8 = 873;
    /** AL16UTF16. */
    public static final int CHARSET_AL16UTF16 = 2000;

    static final int CCAP_SQL_VERSION = 0, CCAP_LOGON_TYPES = 4, CCAP_FEATURE_BACKPORT = 5, CCAP_FIELD_VERSION = 7,
            CCAP_SERVER_DEFINE_CONV = 8, CCAP_TTC1 = 15, CCAP_OCI1 = 16, CCAP_TDS_VERSION = 17, CCAP_RPC_VERSION = 18,
            CCAP_RPC_SIG = 19, CCAP_DBF_VERSION = 21, CCAP_LOB = 23, CCAP_TTC2 = 26, CCAP_UB2_DTY = 27, CCAP_CLIENT_FN = 34,
            CCAP_TTC3 = 37, CCAP_SESS_SIGNATURE_VERSION = 39, CCAP_TTC4 = 40, CCAP_LOB2 = 42, CCAP_TTC5 = 44,
            CCAP_VECTOR_FEATURES = 52;

    private final byte[] compileCaps = new byte[55];
    private final byte[] runtimeCaps = new byte[11];
    private final int clientFieldVersion;
    private int fieldVersion;
    private int charsetId = CHARSET_AL32UTF8;
    private int ncharsetId = CHARSET_AL16UTF16;
    private int maxStringSize = 4000;
    private int serverProtocolVersion;
    private String banner = "";
    private boolean endOfCallStatus = true;
    /** TTC4 bit: the client reads replies up to END_OF_RESPONSE. */
    static final int TTC4_END_OF_RESPONSE = 0x20;

    /** The client's capabilities before negotiation (values as python-oracledb, field version lowered). */
    public Capabilities() {
        this(CLIENT_FIELD_VERSION);
    }

    /**
     * Capabilities as announced by another client at {@code clientFieldVersion} (decoding a trace of
     * python-oracledb or ojdbc: the field version a server negotiated with that client decides the layouts).
     */
    public Capabilities(int clientFieldVersion) {
        this.clientFieldVersion = clientFieldVersion;
        this.fieldVersion = clientFieldVersion;
        compileCaps[CCAP_SQL_VERSION] = 6;
        compileCaps[CCAP_LOGON_TYPES] = (byte) 0xEA; // O5LOGON, O5LOGON_NP, O7LOGON, long identifiers and passwords
        compileCaps[CCAP_FEATURE_BACKPORT] = 0x18;
        compileCaps[CCAP_FIELD_VERSION] = (byte) clientFieldVersion;
        compileCaps[CCAP_SERVER_DEFINE_CONV] = 1;
        compileCaps[9] = 1;
        compileCaps[CCAP_TTC1] = 0x29;
        compileCaps[CCAP_OCI1] = (byte) 0x90;
        compileCaps[CCAP_TDS_VERSION] = 3;
        compileCaps[CCAP_RPC_VERSION] = 7;
        compileCaps[CCAP_RPC_SIG] = 3;
        compileCaps[CCAP_DBF_VERSION] = 1;
        compileCaps[CCAP_LOB] = (byte) 0xCF;
        compileCaps[CCAP_TTC2] = 0x04;
        compileCaps[CCAP_UB2_DTY] = 1;
        compileCaps[31] = 0x10;
        compileCaps[CCAP_CLIENT_FN] = 12;
        compileCaps[35] = 0x20;
        compileCaps[CCAP_TTC3] = (byte) 0xB8;
        compileCaps[CCAP_SESS_SIGNATURE_VERSION] = 8;
        compileCaps[CCAP_TTC4] = 0x04; // in-band notification; no explicit request boundaries
        compileCaps[CCAP_LOB2] = 0x05;
        compileCaps[CCAP_TTC5] = 0x08; // VECTOR support (python / node TNS_CCAP_VECTOR_SUPPORT)
        compileCaps[CCAP_VECTOR_FEATURES] = 0x03; // BINARY and sparse vectors
        runtimeCaps[0] = 2; // COMPAT_81
        runtimeCaps[6] = 0x05; // zero copy + 32K strings
    }

    /**
     * Announces END_OF_RESPONSE support (TTC4 0x20) when the ACCEPT offered it (v319, flags2
     * 0x02000000), as python-oracledb does ({@code Capabilities._adjust_for_protocol}, real-packets
     * {@code muhdur-*.txt}): a server ends replies with message 29 only for clients announcing it,
     * and orathin then reads every reply to message 29.
     */
    public void endOfResponse(boolean on) {
        if (on) {
            compileCaps[CCAP_TTC4] |= TTC4_END_OF_RESPONSE;
        } else {
            compileCaps[CCAP_TTC4] &= ~TTC4_END_OF_RESPONSE;
        }
    }

    /** Applies the server's compile-time and runtime capabilities from the PROTOCOL reply. */
    void adjust(byte[] serverCompile, byte[] serverRuntime) {
        if (serverCompile != null && serverCompile.length > CCAP_FIELD_VERSION) {
            fieldVersion = Math.min(clientFieldVersion, serverCompile[CCAP_FIELD_VERSION] & 0xFF);
            compileCaps[CCAP_FIELD_VERSION] = (byte) fieldVersion;
        }
        // TTC1 0x01: ERROR messages start with the end-of-call status only when the server says so
        // (ojdbc reads it only then; a testkit experiment showed the one-field shift otherwise)
        endOfCallStatus = serverCompile != null && serverCompile.length > CCAP_TTC1 && (serverCompile[CCAP_TTC1] & 0x01) != 0;
        if (serverRuntime != null && serverRuntime.length > 6 && (serverRuntime[6] & 0x04) != 0) {
            maxStringSize = 32767;
        }
    }

    /** The negotiated TTC field version. */
    public int fieldVersion() {
        return fieldVersion;
    }

    /** Database character set id from the PROTOCOL reply. */
    public int charsetId() {
        return charsetId;
    }

    /** National character set id from the FDO of the PROTOCOL reply. */
    public int ncharsetId() {
        return ncharsetId;
    }

    /** Largest VARCHAR2 the server allows (4000, or 32767 with extended strings). */
    public int maxStringSize() {
        return maxStringSize;
    }

    /** True when ERROR messages carry the end-of-call status field (server compile caps TTC1 0x01). */
    public boolean endOfCallStatus() {
        return endOfCallStatus;
    }

    /** The server's banner from the PROTOCOL reply. */
    public String banner() {
        return banner;
    }

    /** The server's TTC protocol version byte. */
    public int serverProtocolVersion() {
        return serverProtocolVersion;
    }

    byte[] compileCaps() {
        return compileCaps.clone();
    }

    byte[] runtimeCaps() {
        return runtimeCaps.clone();
    }

    void server(int protocolVersion, String banner, int charsetId, int ncharsetId) {
        this.serverProtocolVersion = protocolVersion;
        this.banner = banner;
        this.charsetId = charsetId;
        this.ncharsetId = ncharsetId;
    }
}
