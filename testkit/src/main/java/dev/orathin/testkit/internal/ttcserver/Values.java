package dev.orathin.testkit.internal.ttcserver;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * The testkit's own encoders and decoders of Oracle value formats (protocol.md §8), written
 * separately from the client's in {@code core} so that one side's bug cannot hide the other's.
 */
final class Values {

    /** Oracle NUMBER holds at most 40 significant decimal digits (20 base-100 digits). */
    static final MathContext NUMBER_PRECISION = new MathContext(40, RoundingMode.HALF_UP);
    private static final int DURATION_MID = 0x80000000;

    private Values() {
    }

    // ---- NUMBER (protocol.md §8.1)

    static byte[] number(BigDecimal value) {
        if (value.signum() == 0) {
            return new byte[] {(byte) 0x80};
        }
        boolean negative = value.signum() < 0;
        BigDecimal abs = value.abs().round(NUMBER_PRECISION).stripTrailingZeros();
        String digits = abs.unscaledValue().toString();
        int point = digits.length() - abs.scale(); // decimal digits before the decimal point
        if ((point & 1) != 0) {
            digits = "0" + digits;
            point++;
        }
        if ((digits.length() & 1) != 0) {
            digits = digits + "0";
        }
        int exponent = point / 2;
        if (exponent > 63 || exponent < -64) { // exponent bytes 0x80..0xFF: 1e-130 <= |v| < 1e126
            throw new ArithmeticException(value + " is outside the NUMBER range");
        }
        int pairs = digits.length() / 2;
        byte[] out = new byte[1 + pairs + (negative && pairs < 20 ? 1 : 0)];
        int exponentByte = 192 + exponent + 1 - 1; // 0xC0 + base-100 exponent
        out[0] = (byte) (negative ? ~exponentByte : exponentByte);
        for (int i = 0; i < pairs; i++) {
            int d = (digits.charAt(2 * i) - '0') * 10 + (digits.charAt(2 * i + 1) - '0');
            out[1 + i] = (byte) (negative ? 101 - d : d + 1);
        }
        if (negative && pairs < 20) {
            out[out.length - 1] = 102;
        }
        return out;
    }

    static BigDecimal number(byte[] b) {
        if (b.length == 1 && (b[0] & 0xFF) == 0x80) {
            return BigDecimal.ZERO;
        }
        boolean positive = (b[0] & 0x80) != 0;
        int exponentByte = positive ? b[0] & 0xFF : ~b[0] & 0xFF;
        int exponent = exponentByte - 192;
        int end = b.length;
        if (!positive && end > 1 && (b[end - 1] & 0xFF) == 102) {
            end--;
        }
        if (end == 1) {
            throw new IllegalArgumentException("NUMBER infinity is not a value");
        }
        BigInteger mantissa = BigInteger.ZERO;
        BigInteger hundred = BigInteger.valueOf(100);
        for (int i = 1; i < end; i++) {
            int d = positive ? (b[i] & 0xFF) - 1 : 101 - (b[i] & 0xFF);
            mantissa = mantissa.multiply(hundred).add(BigInteger.valueOf(d));
        }
        int digitsAfter = end - 1 - exponent; // base-100 digits after the point
        BigDecimal v = new BigDecimal(mantissa, 2 * digitsAfter);
        return positive ? v : v.negate();
    }

    // ---- BINARY_FLOAT / BINARY_DOUBLE

    static byte[] binaryDouble(double d) {
        byte[] b = ByteBuffer.allocate(8).putDouble(d).array();
        return flipSign(b);
    }

    static byte[] binaryFloat(float f) {
        byte[] b = ByteBuffer.allocate(4).putFloat(f).array();
        return flipSign(b);
    }

    static double binaryDouble(byte[] b) {
        return ByteBuffer.wrap(unflipSign(b)).getDouble();
    }

    static float binaryFloat(byte[] b) {
        return ByteBuffer.wrap(unflipSign(b)).getFloat();
    }

    private static byte[] flipSign(byte[] b) {
        if ((b[0] & 0x80) == 0) {
            b[0] |= (byte) 0x80;
        } else {
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) ~b[i];
            }
        }
        return b;
    }

    private static byte[] unflipSign(byte[] in) {
        byte[] b = in.clone();
        if ((b[0] & 0x80) != 0) {
            b[0] &= 0x7F;
        } else {
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) ~b[i];
            }
        }
        return b;
    }

    // ---- DATE / TIMESTAMP / TIMESTAMP WITH TIME ZONE

    static byte[] date(LocalDateTime t) {
        byte[] b = new byte[7];
        dateFields(t, b);
        return b;
    }

    static byte[] timestamp(LocalDateTime t) {
        byte[] b = new byte[11];
        dateFields(t, b);
        ByteBuffer.wrap(b, 7, 4).putInt(t.getNano());
        return b;
    }

    /** The date and time part in UTC, then the offset as hour + 20 and minute + 60. */
    static byte[] timestampTz(OffsetDateTime t) {
        byte[] b = new byte[13];
        LocalDateTime utc = t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        dateFields(utc, b);
        ByteBuffer.wrap(b, 7, 4).putInt(t.getNano());
        int seconds = t.getOffset().getTotalSeconds();
        b[11] = (byte) (seconds / 3600 + 20);
        b[12] = (byte) ((seconds % 3600) / 60 + 60);
        return b;
    }

    private static void dateFields(LocalDateTime t, byte[] b) {
        int year = t.getYear();
        b[0] = (byte) (year / 100 + 100);
        b[1] = (byte) (year % 100 + 100);
        b[2] = (byte) t.getMonthValue();
        b[3] = (byte) t.getDayOfMonth();
        b[4] = (byte) (t.getHour() + 1);
        b[5] = (byte) (t.getMinute() + 1);
        b[6] = (byte) (t.getSecond() + 1);
    }

    /** DATE, TIMESTAMP or TIMESTAMP WITH (LOCAL) TIME ZONE bytes; a zone in bytes 11–12 gives an OffsetDateTime. */
    static Object dateTime(byte[] b) {
        if (b.length < 7) {
            throw new IllegalArgumentException("date value of " + b.length + " bytes (at least 7 expected)");
        }
        int year = ((b[0] & 0xFF) - 100) * 100 + (b[1] & 0xFF) - 100;
        int nanos = b.length >= 11 ? ByteBuffer.wrap(b, 7, 4).getInt() : 0;
        LocalDateTime t = LocalDateTime.of(year, b[2], b[3], (b[4] & 0xFF) - 1, (b[5] & 0xFF) - 1, (b[6] & 0xFF) - 1, nanos);
        if (b.length >= 13 && (b[11] & 0x80) == 0 && b[11] != 0) {
            ZoneOffset offset = ZoneOffset.ofHoursMinutes(b[11] - 20, b[12] - 60);
            return t.atOffset(ZoneOffset.UTC).withOffsetSameInstant(offset);
        }
        return t;
    }

    // ---- INTERVALs

    static byte[] intervalDs(Duration d) {
        long days = d.toDays();
        Duration rest = d.minusDays(days);
        long seconds = rest.getSeconds();
        int nanos = rest.getNano();
        if (seconds < 0 && nanos > 0) {
            seconds++;
            nanos -= 1_000_000_000;
        }
        ByteBuffer b = ByteBuffer.allocate(11);
        b.putInt((int) days + DURATION_MID);
        b.put((byte) (seconds / 3600 + 60));
        b.put((byte) ((seconds % 3600) / 60 + 60));
        b.put((byte) (seconds % 60 + 60));
        b.putInt(nanos + DURATION_MID);
        return b.array();
    }

    static Duration intervalDs(byte[] b) {
        ByteBuffer in = ByteBuffer.wrap(b);
        long days = in.getInt() - DURATION_MID;
        int h = in.get() - 60;
        int m = in.get() - 60;
        int s = in.get() - 60;
        long nanos = in.getInt() - DURATION_MID;
        return Duration.ofDays(days).plusHours(h).plusMinutes(m).plusSeconds(s).plusNanos(nanos);
    }

    static byte[] intervalYm(Period p) {
        Period n = p.normalized();
        return ByteBuffer.allocate(5).putInt(n.getYears() + DURATION_MID).put((byte) (n.getMonths() + 60)).array();
    }

    static Period intervalYm(byte[] b) {
        ByteBuffer in = ByteBuffer.wrap(b);
        return Period.of(in.getInt() - DURATION_MID, in.get() - 60, 0);
    }

    // ---- BOOLEAN (protocol.md §8: true = 01 01, false = 00)

    static byte[] bool(boolean v) {
        return v ? new byte[] {1, 1} : new byte[] {0};
    }

    static boolean bool(byte[] b) {
        return b.length > 0 && b[b.length - 1] == 1;
    }
}
