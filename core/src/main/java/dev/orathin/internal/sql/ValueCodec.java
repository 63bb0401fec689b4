package dev.orathin.internal.sql;

import dev.orathin.CoreErrorCode;
import dev.orathin.OrathinProtocolException;
import dev.orathin.internal.ttc.TtcReader;
import dev.orathin.internal.types.OracleDateTime;
import dev.orathin.internal.types.OracleNumber;
import dev.orathin.internal.types.VectorImage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Reads one column or OUT-bind value from ROW_DATA and converts it to the default Java type
 * (protocol.md §8; python-oracledb {@code _process_column_data}).
 */
public final class ValueCodec {

    private ValueCodec() {
    }

    /**
     * Reads a value.
     *
     * @param r the reader, positioned at the value
     * @param wireType the type the data arrives as (after any define)
     * @param charsetForm 2 for national character data (UTF-16BE)
     * @param bufferSize the described buffer size (0 = always NULL in a fetch)
     * @param integral NUMBER that fits a long (returned as Long)
     * @param inFetch true for query rows, false for PL/SQL OUT binds (which carry an actual length)
     * @param outType for OUT binds declared BOOLEAN: NUMBER 0/1 becomes a Boolean
     */
    public static Object read(TtcReader r, int wireType, int charsetForm, int bufferSize, boolean integral, boolean inFetch,
            dev.orathin.OracleType outType) {
        Object v;
        if (bufferSize == 0 && inFetch && wireType != 8 && wireType != 24 && wireType != 208) {
            return null; // NULL by describe: no bytes on the wire
        }
        switch (wireType) {
            case 1, 96, 8 -> {
                byte[] b = r.clr();
                v = b == null ? null : new String(b, charsetForm == 2 ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_8);
            }
            case 23, 24 -> {
                byte[] b = r.clr();
                v = b;
            }
            case 2, 3 -> {
                byte[] b = r.clr();
                v = b == null ? null : number(b, integral || wireType == 3);
            }
            case 12, 180, 231 -> {
                byte[] b = r.clr();
                v = b == null ? null : OracleDateTime.decodeTimestamp(b.length == 13 ? java.util.Arrays.copyOf(b, 11) : b);
            }
            case 181 -> {
                byte[] b = r.clr();
                v = b == null ? null : OracleDateTime.decodeTimestampTz(b);
            }
            case 11 -> {
                if (!inFetch) {
                    v = r.str();
                } else {
                    int n = r.ub1();
                    if (n == 0 || n == 0xFF) {
                        v = null;
                    } else {
                        long rba = r.ub();
                        long partition = r.ub();
                        r.ub1();
                        long block = r.ub();
                        long slot = r.ub();
                        v = rowid(rba, partition, block, slot);
                    }
                }
            }
            case 208 -> {
                if (!inFetch) {
                    v = r.str();
                } else {
                    v = urowid(r);
                }
            }
            case 100 -> {
                byte[] b = r.clr();
                v = b == null ? null : OracleDateTime.decodeFloat(b);
            }
            case 101 -> {
                byte[] b = r.clr();
                v = b == null ? null : OracleDateTime.decodeDouble(b);
            }
            case 252 -> {
                byte[] b = r.clr();
                v = b == null ? null : b[b.length - 1] == 1;
            }
            case 182 -> {
                byte[] b = r.clr();
                v = b == null ? null : OracleDateTime.decodeIntervalYm(b);
            }
            case 183 -> {
                byte[] b = r.clr();
                v = b == null ? null : OracleDateTime.decodeIntervalDs(b);
            }
            case ColumnInfo.VECTOR -> {
                byte[] image = prefetchedLob(r);
                v = image == null ? null : VectorImage.decode(image);
            }
            case ColumnInfo.JSON -> {
                byte[] image = prefetchedLob(r);
                v = image == null ? null : dev.orathin.internal.types.Oson.decode(image);
            }
            case 112, 113 -> {
                // a LOB locator (before the LONG define): ub4 length, then ub8 size, ub4 chunk size, CLR locator
                int n = r.ub4();
                if (n > 0) {
                    r.ub();
                    r.ub();
                    r.clr();
                }
                v = null; // these rows are fetched again once the columns are defined as LONG / LONG RAW
            }
            default -> throw new OrathinProtocolException(CoreErrorCode.UNSUPPORTED_TYPE, "no decoder for Oracle type " + wireType
                    + unsupportedTypeName(wireType));
        }
        if (!inFetch) {
            r.sb(); // actual length of an OUT bind (non-zero would mean truncation)
        } else if (wireType == 8 || wireType == 24) {
            r.sb(); // null indicator
            r.ub(); // return code
        }
        if (outType == dev.orathin.OracleType.BOOLEAN && v instanceof Number num) {
            v = num.intValue() != 0;
        }
        return v;
    }

    /**
     * The feature behind a type number orathin has no decoder for (python-oracledb constants
     * ORA_TYPE_NUM_*): a 23.26.1 server returns a REF CURSOR (102) as an OUT bind of a PL/SQL call
     * python-oracledb makes for object types (real-packets muhdur-dbobject.txt, op 9).
     */
    static String unsupportedTypeName(int type) {
        return switch (type) {
            case 102 -> " (REF CURSOR)";
            case 109 -> " (object / named type)";
            case 111 -> " (REF)";
            default -> "";
        };
    }

    /**
     * VECTOR and JSON values (python {@code read_vector} / {@code read_oson}, node {@code readVector}):
     * ub4 locator length (0 = NULL), ub8 data size, ub4 chunk size, the data (CLR), the locator (CLR).
     */
    static byte[] prefetchedLob(TtcReader r) {
        int n = r.ub4();
        if (n == 0) {
            return null;
        }
        r.ub(); // size
        r.ub(); // chunk size
        byte[] data = r.clr();
        r.clr(); // locator: not kept, the value is complete
        return data == null ? new byte[0] : data;
    }

    /** A VECTOR or JSON value sent before the column was defined: the locator alone, dropped like a LOB locator. */
    static Object locatorOnly(TtcReader r) {
        int n = r.ub4();
        if (n > 0) {
            r.clr();
        }
        return null;
    }

    /** NUMBER bytes to Long (integral columns whose value fits) or BigDecimal. */
    static Object number(byte[] b, boolean integral) {
        if (integral) {
            long fast = OracleNumber.decodeLongOrMin(b);
            if (fast != Long.MIN_VALUE) {
                return fast;
            }
        }
        BigDecimal d = OracleNumber.decode(b);
        if (integral) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                return d;
            }
        }
        return d;
    }

    private static final char[] BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    /** The 18-character text of a physical ROWID (python {@code _encode_rowid}): 6 + 3 + 6 + 3 base-64 digits. */
    public static String rowid(long rba, long partition, long block, long slot) {
        if (rba == 0 && partition == 0 && block == 0 && slot == 0) {
            return null;
        }
        char[] out = new char[18];
        put(out, 0, rba, 6);
        put(out, 6, partition, 3);
        put(out, 9, block, 6);
        put(out, 15, slot, 3);
        return new String(out);
    }

    private static void put(char[] out, int off, long v, int size) {
        for (int i = size - 1; i >= 0; i--) {
            out[off + i] = BASE64[(int) (v & 0x3F)];
            v >>>= 6;
        }
    }

    /** UROWID (python {@code read_urowid}): a CLR holding the length (ignored), then a CLR of the bytes; byte 0 = 1: physical. */
    private static String urowid(TtcReader r) {
        if (r.clr() == null) {
            return null;
        }
        byte[] b = r.clr();
        if (b == null) {
            return null;
        }
        if (b.length > 0 && b[0] == 1 && b.length >= 13) {
            long rba = u(b, 1, 4);
            long partition = u(b, 5, 2);
            long block = u(b, 7, 4);
            long slot = u(b, 11, 2);
            return rowid(rba, partition, block, slot);
        }
        StringBuilder sb = new StringBuilder("*");
        sb.append(java.util.Base64.getEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOfRange(b, 1, b.length)));
        return sb.toString();
    }

    private static long u(byte[] b, int off, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }
}
