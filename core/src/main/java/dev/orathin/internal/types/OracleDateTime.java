package dev.orathin.internal.types;

import dev.orathin.CoreErrorCode;
import dev.orathin.OrathinProtocolException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * DATE, TIMESTAMP, TIMESTAMP WITH TIME ZONE, INTERVAL and BINARY_FLOAT/DOUBLE wire formats
 * (protocol.md §8).
 */
public final class OracleDateTime {

    private OracleDateTime() {
    }

    /** DATE (7 bytes) or TIMESTAMP (7 or 11 bytes) → LocalDateTime. */
    public static LocalDateTime decodeTimestamp(byte[] b) {
        if (b == null || (b.length != 7 && b.length != 11 && b.length != 13)) {
            throw malformed("DATE/TIMESTAMP of " + (b == null ? 0 : b.length) + " bytes (expected 7, 11 or 13)");
        }
        int year = ((b[0] & 0xFF) - 100) * 100 + (b[1] & 0xFF) - 100;
        int nanos = b.length >= 11 ? (int) (((long) (b[7] & 0xFF) << 24) | ((b[8] & 0xFF) << 16) | ((b[9] & 0xFF) << 8) | (b[10] & 0xFF)) : 0;
        try {
            return LocalDateTime.of(year, b[2], b[3], (b[4] & 0xFF) - 1, (b[5] & 0xFF) - 1, (b[6] & 0xFF) - 1, nanos);
        } catch (java.time.DateTimeException e) {
            throw malformed("invalid DATE/TIMESTAMP bytes: " + e.getMessage());
        }
    }

    /** LocalDateTime → DATE (7 bytes) when {@code withFraction} is false, else TIMESTAMP (11 bytes; 7 when the fraction is 0). */
    public static byte[] encodeTimestamp(LocalDateTime t, boolean withFraction) {
        int nanos = withFraction ? t.getNano() : 0;
        byte[] b = new byte[nanos == 0 ? 7 : 11];
        int year = t.getYear();
        if (year < -4712 || year > 9999) {
            throw new OrathinProtocolException(CoreErrorCode.NOT_SUPPORTED, "year " + year + " is outside Oracle's range -4712..9999");
        }
        b[0] = (byte) (year / 100 + 100);
        b[1] = (byte) (year % 100 + 100);
        b[2] = (byte) t.getMonthValue();
        b[3] = (byte) t.getDayOfMonth();
        b[4] = (byte) (t.getHour() + 1);
        b[5] = (byte) (t.getMinute() + 1);
        b[6] = (byte) (t.getSecond() + 1);
        if (nanos != 0) {
            b[7] = (byte) (nanos >>> 24);
            b[8] = (byte) (nanos >>> 16);
            b[9] = (byte) (nanos >>> 8);
            b[10] = (byte) nanos;
        }
        return b;
    }

    /** TIMESTAMP WITH TIME ZONE (13 bytes, date part in UTC, offset in bytes 11..12). Region ids are not supported. */
    public static OffsetDateTime decodeTimestampTz(byte[] b) {
        if (b == null || b.length != 13) {
            throw malformed("TIMESTAMP WITH TIME ZONE of " + (b == null ? 0 : b.length) + " bytes (expected 13)");
        }
        if ((b[11] & 0x80) != 0) {
            throw new OrathinProtocolException(CoreErrorCode.NOT_SUPPORTED, "TIMESTAMP WITH TIME ZONE with a region id (not an offset)");
        }
        ZoneOffset offset = ZoneOffset.ofHoursMinutes((b[11] & 0xFF) - 20, (b[12] & 0xFF) - 60);
        return decodeTimestamp(b).atOffset(ZoneOffset.UTC).withOffsetSameInstant(offset);
    }

    /** OffsetDateTime → TIMESTAMP WITH TIME ZONE (13 bytes). */
    public static byte[] encodeTimestampTz(OffsetDateTime t) {
        LocalDateTime utc = t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        byte[] b = java.util.Arrays.copyOf(encodeTimestamp(utc, true), 13);
        int seconds = t.getOffset().getTotalSeconds();
        b[11] = (byte) (seconds / 3600 + 20);
        b[12] = (byte) (seconds % 3600 / 60 + 60);
        return b;
    }

    /** INTERVAL DAY TO SECOND (11 bytes). */
    public static Duration decodeIntervalDs(byte[] b) {
        if (b == null || b.length != 11) {
            throw malformed("INTERVAL DAY TO SECOND of " + (b == null ? 0 : b.length) + " bytes (expected 11)");
        }
        long days = u32(b, 0) - 0x80000000L;
        long nanos = u32(b, 7) - 0x80000000L;
        return Duration.ofDays(days).plusHours((b[4] & 0xFF) - 60).plusMinutes((b[5] & 0xFF) - 60).plusSeconds((b[6] & 0xFF) - 60)
                .plusNanos(nanos);
    }

    /** Duration → INTERVAL DAY TO SECOND (11 bytes); every field carries the sign, as Oracle stores them. */
    public static byte[] encodeIntervalDs(Duration d) {
        boolean neg = d.isNegative();
        Duration a = d.abs();
        long days = a.toDays();
        if (days > 999_999_999L) {
            throw new OrathinProtocolException(CoreErrorCode.NOT_SUPPORTED, "duration " + d + " exceeds INTERVAL DAY TO SECOND's range");
        }
        int s = neg ? -1 : 1;
        byte[] b = new byte[11];
        putU32(b, 0, s * days + 0x80000000L);
        b[4] = (byte) (s * a.toHoursPart() + 60);
        b[5] = (byte) (s * a.toMinutesPart() + 60);
        b[6] = (byte) (s * a.toSecondsPart() + 60);
        putU32(b, 7, s * (long) a.toNanosPart() + 0x80000000L);
        return b;
    }

    /** Period → INTERVAL YEAR TO MONTH (5 bytes); days are not representable and must be 0. */
    public static byte[] encodeIntervalYm(Period p) {
        if (p.getDays() != 0) {
            throw new IllegalArgumentException("period " + p + " has days; INTERVAL YEAR TO MONTH holds years and months only");
        }
        Period n = p.normalized();
        byte[] b = new byte[5];
        putU32(b, 0, n.getYears() + 0x80000000L);
        b[4] = (byte) (n.getMonths() + 60);
        return b;
    }

    private static void putU32(byte[] b, int off, long v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    /** INTERVAL YEAR TO MONTH (5 bytes). */
    public static Period decodeIntervalYm(byte[] b) {
        if (b == null || b.length != 5) {
            throw malformed("INTERVAL YEAR TO MONTH of " + (b == null ? 0 : b.length) + " bytes (expected 5)");
        }
        return Period.of((int) (u32(b, 0) - 0x80000000L), (b[4] & 0xFF) - 60, 0);
    }

    /** BINARY_DOUBLE: IEEE big-endian with the sign bit flipped for positives and all bits inverted for negatives. */
    public static double decodeDouble(byte[] b) {
        if (b == null || b.length != 8) {
            throw malformed("BINARY_DOUBLE of " + (b == null ? 0 : b.length) + " bytes (expected 8)");
        }
        long v = 0;
        for (byte x : b) {
            v = (v << 8) | (x & 0xFF);
        }
        v = (v & 0x8000000000000000L) != 0 ? v & 0x7FFFFFFFFFFFFFFFL : ~v;
        return Double.longBitsToDouble(v);
    }

    /** double → BINARY_DOUBLE. */
    public static byte[] encodeDouble(double d) {
        long v = Double.doubleToLongBits(d);
        v = v >= 0 ? v | 0x8000000000000000L : ~v;
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }

    /** BINARY_FLOAT (4 bytes). */
    public static float decodeFloat(byte[] b) {
        if (b == null || b.length != 4) {
            throw malformed("BINARY_FLOAT of " + (b == null ? 0 : b.length) + " bytes (expected 4)");
        }
        int v = (int) u32(b, 0);
        v = (v & 0x80000000) != 0 ? v & 0x7FFFFFFF : ~v;
        return Float.intBitsToFloat(v);
    }

    /** float → BINARY_FLOAT. */
    public static byte[] encodeFloat(float f) {
        int v = Float.floatToIntBits(f);
        v = v >= 0 ? v | 0x80000000 : ~v;
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static long u32(byte[] b, int off) {
        return ((long) (b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    private static OrathinProtocolException malformed(String what) {
        return new OrathinProtocolException(CoreErrorCode.MALFORMED_MESSAGE, what);
    }
}
