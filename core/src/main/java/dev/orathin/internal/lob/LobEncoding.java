package dev.orathin.internal.lob;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The encoding of a CLOB's data on the wire, read from its locator (python-oracledb
 * {@code BaseThinLobImpl._get_encoding}): NCLOB always UTF-16; a CLOB whose locator has the
 * "variable length character set" flag (byte 6, 0x80) UTF-16 — little-endian when byte 7 has 0x40
 * (CLOBs created by 9i) — which is how a database in AL32UTF8 stores CLOBs (AL16UTF16); else UTF-8.
 */
public final class LobEncoding {

    /** Locator byte offsets and flags (python constants.pxi {@code TNS_LOB_LOC_*}). */
    public static final int OFFSET_FLAG_1 = 4, OFFSET_FLAG_3 = 6, OFFSET_FLAG_4 = 7;
    /** Flags: BLOB (byte 4), abstract (byte 4), variable-width charset (byte 6), temporary and little-endian (byte 7). */
    public static final int FLAG_BLOB = 0x01, FLAG_ABSTRACT = 0x40, FLAG_VAR_LENGTH_CHARSET = 0x80, FLAG_TEMP = 0x01,
            FLAG_LITTLE_ENDIAN = 0x40;

    private LobEncoding() {
    }

    /** The charset of a CLOB's data; {@code nchar} for NCLOB. */
    public static Charset of(byte[] locator, boolean nchar) {
        if (nchar) {
            return StandardCharsets.UTF_16BE;
        }
        if (locator.length > OFFSET_FLAG_4 && (locator[OFFSET_FLAG_3] & FLAG_VAR_LENGTH_CHARSET) != 0) {
            return (locator[OFFSET_FLAG_4] & FLAG_LITTLE_ENDIAN) != 0 ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
        }
        return StandardCharsets.UTF_8;
    }

    /** True for a temporary LOB's locator (byte 7, 0x01). */
    public static boolean isTemporary(byte[] locator) {
        return locator.length > OFFSET_FLAG_4 && (locator[OFFSET_FLAG_4] & FLAG_TEMP) != 0;
    }
}
