package dev.orathin.internal.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orathin.OrathinProtocolException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TypesTest {

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", "").toLowerCase());
    }

    @Test
    void numberExamplesFromTheReference() {
        assertArrayEquals(hex("C1 02"), OracleNumber.encode(BigDecimal.ONE));
        assertArrayEquals(hex("3E 64 66"), OracleNumber.encode(BigDecimal.ONE.negate()));
        assertArrayEquals(hex("80"), OracleNumber.encode(BigDecimal.ZERO));
        assertArrayEquals(hex("C2 02"), OracleNumber.encode(new BigDecimal(100)));
        assertArrayEquals(hex("C2 02 18 2E"), OracleNumber.encode(new BigDecimal("123.45")));
        assertArrayEquals(hex("C0 33"), OracleNumber.encode(new BigDecimal("0.5")));
        assertEquals(new BigDecimal("123.45"), OracleNumber.decode(hex("C2 02 18 2E")));
        assertEquals(new BigDecimal("-1"), OracleNumber.decode(hex("3E 64 66")));
        assertEquals(BigDecimal.ZERO, OracleNumber.decode(hex("80")));
    }

    @Test
    void numberRoundTripsAndLimits() {
        Random r = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            BigDecimal v = new BigDecimal(new java.math.BigInteger(1 + r.nextInt(130), r), r.nextInt(120) - 60);
            if (r.nextBoolean()) {
                v = v.negate();
            }
            v = v.round(new MathContext(38));
            if (v.signum() != 0 && (v.abs().compareTo(new BigDecimal("1E125")) >= 0 || v.abs().compareTo(new BigDecimal("1E-129")) < 0)) {
                continue;
            }
            assertEquals(0, v.compareTo(OracleNumber.decode(OracleNumber.encode(v))), v.toString());
        }
        BigDecimal max = new BigDecimal("9.999999999999999999999999999999999999999E125");
        assertEquals(0, max.compareTo(OracleNumber.decode(OracleNumber.encode(max))));
        BigDecimal tiny = new BigDecimal("1E-130");
        assertEquals(0, tiny.compareTo(OracleNumber.decode(OracleNumber.encode(tiny))));
        assertEquals(21, OracleNumber.encode(new BigDecimal("-1234567890123456789012345678901234567890")).length);
        assertThrows(OrathinProtocolException.class, () -> OracleNumber.encode(new BigDecimal("1E126")));
        assertThrows(OrathinProtocolException.class, () -> OracleNumber.decode(hex("00")));
        assertThrows(OrathinProtocolException.class, () -> OracleNumber.decode(hex("C1 FF")));
        assertEquals(new BigDecimal("12345678901234567890123456789012345678.90"),
                OracleNumber.decode(OracleNumber.encode(new BigDecimal("12345678901234567890123456789012345678.901"))).setScale(2));
    }

    @Test
    void datesTimestampsAndZones() {
        LocalDateTime t = LocalDateTime.of(2024, 3, 15, 13, 45, 30);
        assertArrayEquals(hex("78 7C 03 0F 0E 2E 1F"), OracleDateTime.encodeTimestamp(t, false));
        assertEquals(t, OracleDateTime.decodeTimestamp(hex("78 7C 03 0F 0E 2E 1F")));
        LocalDateTime f = t.withNano(123_456_789);
        assertEquals(11, OracleDateTime.encodeTimestamp(f, true).length);
        assertEquals(f, OracleDateTime.decodeTimestamp(OracleDateTime.encodeTimestamp(f, true)));
        assertEquals(LocalDateTime.of(-4712, 1, 1, 0, 0), OracleDateTime.decodeTimestamp(
                OracleDateTime.encodeTimestamp(LocalDateTime.of(-4712, 1, 1, 0, 0), false)));
        OffsetDateTime z = OffsetDateTime.of(2026, 11, 25, 9, 30, 0, 500, ZoneOffset.ofHoursMinutes(-3, -30));
        byte[] tz = OracleDateTime.encodeTimestampTz(z);
        assertEquals(13, tz.length);
        assertEquals(z, OracleDateTime.decodeTimestampTz(tz));
        assertThrows(OrathinProtocolException.class, () -> OracleDateTime.decodeTimestamp(new byte[5]));
    }

    @Test
    void binaryFloatingPointAndIntervals() {
        assertArrayEquals(hex("BF F0 00 00 00 00 00 00"), OracleDateTime.encodeDouble(1.0));
        assertArrayEquals(hex("40 0F FF FF FF FF FF FF"), OracleDateTime.encodeDouble(-1.0));
        for (double d : new double[] {0.0, -0.0, 1e-300, -3.5e200, Double.MAX_VALUE, Double.NaN, Double.NEGATIVE_INFINITY}) {
            assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(OracleDateTime.decodeDouble(OracleDateTime.encodeDouble(d))));
        }
        for (float x : new float[] {0f, -1.5f, Float.MIN_VALUE, 3.4e38f}) {
            assertEquals(x, OracleDateTime.decodeFloat(OracleDateTime.encodeFloat(x)));
        }
        byte[] ds = {(byte) 0x80, 0, 0, 2, 63, 60, 61, (byte) 0x80, 0, 0, 5};
        assertEquals(Duration.ofDays(2).plusHours(3).plusSeconds(1).plusNanos(5), OracleDateTime.decodeIntervalDs(ds));
        assertEquals(Period.of(-1, -2, 0), OracleDateTime.decodeIntervalYm(new byte[] {0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 58}));
    }

    @Test
    void longFastPathAgreesWithTheDecimalDecoder() {
        java.util.Random rnd = new java.util.Random(8);
        for (int i = 0; i < 20000; i++) {
            java.math.BigDecimal v = switch (i % 4) {
                case 0 -> java.math.BigDecimal.valueOf(rnd.nextLong() / (1L << rnd.nextInt(63)));
                case 1 -> java.math.BigDecimal.valueOf(rnd.nextInt(2000) - 1000).movePointRight(rnd.nextInt(17));
                case 2 -> new java.math.BigDecimal(rnd.nextInt() + "." + rnd.nextInt(1000));
                default -> java.math.BigDecimal.valueOf(rnd.nextLong());
            };
            byte[] b = OracleNumber.encode(v);
            long fast = OracleNumber.decodeLongOrMin(b);
            java.math.BigDecimal slow = OracleNumber.decode(b);
            if (fast == Long.MIN_VALUE) {
                org.junit.jupiter.api.Assertions.assertTrue(slow.scale() > 0 || slow.precision() > 18, slow.toPlainString());
            } else {
                org.junit.jupiter.api.Assertions.assertEquals(0, slow.compareTo(java.math.BigDecimal.valueOf(fast)), slow.toPlainString());
            }
        }
    }

    @Test
    void decimalsRoundTripThroughTheWireFormat() {
        java.util.Random rnd = new java.util.Random(11);
        for (int i = 0; i < 20000; i++) {
            int digits = 1 + rnd.nextInt(38);
            StringBuilder sb = new StringBuilder(rnd.nextBoolean() ? "-" : "");
            for (int d = 0; d < digits; d++) {
                sb.append(d == 0 ? 1 + rnd.nextInt(9) : rnd.nextInt(10));
            }
            java.math.BigDecimal v = new java.math.BigDecimal(new java.math.BigInteger(sb.toString()), rnd.nextInt(60) - 30);
            java.math.BigDecimal back = OracleNumber.decode(OracleNumber.encode(v));
            org.junit.jupiter.api.Assertions.assertEquals(0, v.compareTo(back), v + " came back as " + back);
        }
    }
}
