package dev.orathin.testkit.internal.ttcserver;

import dev.orathin.testkit.Profile;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The parts of replies that depend on the real server version the testkit plays
 * ({@link Profile}): END_OF_RESPONSE, the session-state piggyback 23ai adds, login warnings, the
 * banner and version number. Kept apart from the call handling so a profile changes only these.
 */
final class ProfileReplies {

    /** TTC message types. */
    static final int MSG_WARNING = 15, MSG_END_OF_RESPONSE = 29;
    /** Data flags of the last packet of a response when END_OF_RESPONSE is in use. */
    static final int DATA_FLAGS_END_OF_RESPONSE = 0x2000;
    /** Compile-caps index TTC4 and its END_OF_RESPONSE bit. */
    private static final int CCAP_TTC4 = 40, CCAP_END_OF_RESPONSE = 0x20;

    /**
     * SERVER_SIDE_PIGGYBACK opcode 5 (session-state sync), byte for byte what 23.26.1 sent before the
     * STATUS of a COMMIT reply (real-packets {@code muhdur-sessionless.txt}, op 21).
     */
    private static final byte[] SYNC_PIGGYBACK = {0x17, 0x05, 0x01, 0x01, 0x10, 0x01, 0x01, 0x16, 0x00, 0x01, 0x02, 0x02, (byte) 0x83,
            0x01, 0x01, (byte) 0xC9, 0x00};

    private ProfileReplies() {
    }

    /**
     * True when replies end with END_OF_RESPONSE: the profile's ACCEPT offered it (flags2 0x02000000,
     * v319) and the client's compile caps announce it (TTC4 0x20; python-oracledb and orathin set it
     * exactly when the ACCEPT offered it). ojdbc11 23.26 does not announce it and raises ORA-17401
     * on a message 29, so a real server must key on the compile caps.
     */
    static boolean endOfResponse(Profile profile, int tnsVersion, byte[] clientCompileCaps) {
        return profile != null && profile.endOfResponse() && tnsVersion >= 319 && clientCompileCaps != null
                && clientCompileCaps.length > CCAP_TTC4 && (clientCompileCaps[CCAP_TTC4] & CCAP_END_OF_RESPONSE) != 0;
    }

    /** The reply followed by END_OF_RESPONSE (message 29), as 23ai ends every reply to such clients. */
    static byte[] withEnd(byte[] reply) {
        byte[] out = Arrays.copyOf(reply, reply.length + 1);
        out[reply.length] = MSG_END_OF_RESPONSE;
        return out;
    }

    /** The session-state piggyback 23ai puts before the end of the login and COMMIT replies; empty without one. */
    static byte[] piggyback(Profile profile) {
        return profile != null && profile.piggybacks() ? SYNC_PIGGYBACK.clone() : new byte[0];
    }

    /**
     * A WARNING message (type 15): ub2 number, ub2 text length, ub2 flags, then the text —
     * length-prefixed for clients that announced CONV_LENGTH in DATA_TYPES (python-oracledb 1.3+,
     * node-oracledb, orathin), raw for the others (ojdbc11 and python-oracledb 1.2.1 read
     * {@code length} raw bytes; python-oracledb switched readers in 1.3.0, issue 171). The login reply
     * carries ORA-28002 this way.
     */
    static byte[] warning(int number, String text, boolean convLength) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        Ttc.Out out = new Ttc.Out().u8(MSG_WARNING).ub(number).ub(t.length).ub(0);
        return (convLength ? out.clr(t) : out.raw(t)).bytes();
    }

    /** The PROTOCOL reply banner. */
    static String protocolBanner(Profile profile) {
        return profile == null ? TtcDatabase.BANNER : profile.protocolBanner();
    }

    /** The OVERSION / {@code v$version} banner. */
    static String versionBanner(Profile profile) {
        return profile == null ? TtcDatabase.VERSION_BANNER : profile.versionBanner();
    }

    /** AUTH_VERSION_NO. */
    static long versionNumber(Profile profile) {
        return profile == null ? TtcDatabase.VERSION_NUMBER : profile.versionNumber();
    }
}
