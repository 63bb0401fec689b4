package dev.orathin.testkit;

/**
 * What one real server version sends during negotiation and around calls, for
 * {@link OracleTestServer.Builder#profile(Profile)}: the ACCEPT (version, NSI flags, flags2), the
 * largest SDU granted, fast authentication, END_OF_RESPONSE, the banner and version number, and the
 * server-side piggybacks a real server adds to replies.
 *
 * <p>Every value comes from bytes a real server sent ({@code ../shared/real-packets}, named per
 * constant) or, where no capture exists, from what the reference clients' sources say that version
 * sends (stated as such). A server built without a profile keeps the testkit's classic behaviour
 * (ACCEPT v319 without flags2 extras, NSI flags 0x04).
 *
 * <p>Not modelled: the TTC field version stays 13 (19c ext1) in every profile. A 23ai server
 * announces 24 (real-packets {@code muhdur-pipeline.txt}, the PROTOCOL reply), which changes the
 * ERROR (sql type, checksum from 20) and column-metadata layouts (domain, annotations, vector
 * fields from 23.1) the testkit's database half writes; clients negotiate down to 13 with it.
 */
public enum Profile {

    /**
     * Oracle Database 19c. No real 19c bytes are published; 18c XE's ACCEPT (real-packets
     * {@code muhdur-handshake-xe11-xe18-free23.txt}: v317, NSI flags 0xC5, no flags2) is the
     * model, with version 318, the version python-oracledb and node-oracledb name as 19c's (OOB
     * check). The PROTOCOL banner is the platform string 18c XE and 23ai send. No fast
     * authentication, no END_OF_RESPONSE, no piggybacks.
     */
    ORACLE_19C(318, 0xC5, 0, false, false, 8192, "x86_64/Linux 2.4.xx",
            "Oracle Database 19c Enterprise Edition Release 19.0.0.0.0 - Production\nVersion 19.22.0.0.0", (19L << 24) | (22L << 16),
            false),

    /**
     * Oracle AI Database 26ai Free 23.26.1 (real-packets {@code muhdur-*.txt}): ACCEPT v319, NSI
     * flags 0xC5, flags2 0x1A000000 (fast auth, END_OF_RESPONSE, 0x08000000), the banner
     * {@code x86_64/Linux 2.4.xx} in the PROTOCOL reply, AUTH_VERSION_NO 387584000 (23.26), and
     * the session-state sync piggyback (opcode 5) in the phase-two and COMMIT replies.
     */
    ORACLE_23AI(319, 0xC5, 0x1A00_0000, true, true, 8192, "x86_64/Linux 2.4.xx",
            "Oracle AI Database 26ai Free Release 23.26.1.0.0 - Develop, Learn, and Run for Free\nVersion 23.26.1.0.0",
            387_584_000L, true),

    /**
     * Autonomous Database: the 23ai server behind the ADB listener — TCPS with the listener
     * hand-off (RESEND flag 0x08, second TLS handshake), and SDUs up to 2 MB granted when asked.
     * No ADB capture is published: this is {@link #ORACLE_23AI} plus the ADB connect flow the
     * reference clients implement.
     */
    AUTONOMOUS(319, 0xC5, 0x1A00_0000, true, true, 2_097_152, "x86_64/Linux 2.4.xx",
            "Oracle AI Database 26ai Enterprise Edition Release 23.26.1.0.0 - for Oracle Cloud and Engineered Systems\n"
                    + "Version 23.26.1.0.0", 387_584_000L, true);

    /** ACCEPT flags2 bit: fast authentication offered. */
    public static final int ACCEPT_FAST_AUTH = 0x1000_0000;
    /** ACCEPT flags2 bit: the server ends replies with END_OF_RESPONSE to clients that ask (TTC4 0x20). */
    public static final int ACCEPT_END_OF_RESPONSE = 0x0200_0000;

    private final int acceptVersion;
    private final int nsiFlags;
    private final int acceptFlags2;
    private final boolean fastAuth;
    private final boolean endOfResponse;
    private final int maxSdu;
    private final String protocolBanner;
    private final String versionBanner;
    private final long versionNumber;
    private final boolean piggybacks;

    Profile(int acceptVersion, int nsiFlags, int acceptFlags2, boolean fastAuth, boolean endOfResponse, int maxSdu,
            String protocolBanner, String versionBanner, long versionNumber, boolean piggybacks) {
        this.acceptVersion = acceptVersion;
        this.nsiFlags = nsiFlags;
        this.acceptFlags2 = acceptFlags2;
        this.fastAuth = fastAuth;
        this.endOfResponse = endOfResponse;
        this.maxSdu = maxSdu;
        this.protocolBanner = protocolBanner;
        this.versionBanner = versionBanner;
        this.versionNumber = versionNumber;
        this.piggybacks = piggybacks;
    }

    /** The TNS version this server answers in ACCEPT. */
    public int acceptVersion() {
        return acceptVersion;
    }

    /** NSI flags byte 0 of ACCEPT. */
    public int nsiFlags() {
        return nsiFlags;
    }

    /** flags2 of ACCEPT (v318+), fast-auth bit included as the server version sends it. */
    public int acceptFlags2() {
        return acceptFlags2;
    }

    /** Whether ACCEPT offers fast authentication. */
    public boolean fastAuth() {
        return fastAuth;
    }

    /** Whether replies end with END_OF_RESPONSE (message 29, data flags 0x2000) for clients that ask. */
    public boolean endOfResponse() {
        return endOfResponse;
    }

    /** The largest SDU granted (the client's request is lowered to it). */
    public int maxSdu() {
        return maxSdu;
    }

    /** The banner text of the PROTOCOL reply. */
    public String protocolBanner() {
        return protocolBanner;
    }

    /** The banner of {@code v$version} / OVERSION. */
    public String versionBanner() {
        return versionBanner;
    }

    /** AUTH_VERSION_NO (major in bits 24..31, release update in bits 16..23). */
    public long versionNumber() {
        return versionNumber;
    }

    /** Whether the server adds session-state piggybacks (opcode 5) to the login and COMMIT replies. */
    public boolean piggybacks() {
        return piggybacks;
    }

    /** Whether this is an Autonomous Database (TCPS with the listener hand-off). */
    public boolean autonomous() {
        return this == AUTONOMOUS;
    }
}
