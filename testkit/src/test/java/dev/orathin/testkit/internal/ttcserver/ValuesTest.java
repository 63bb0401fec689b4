package dev.orathin.testkit.internal.ttcserver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The testkit's value encodings against the worked examples of protocol.md §8 and round trips. */
class ValuesTest {

    static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    @Test
    void numberWorkedExamples() {
        assertArrayEquals(hex("C1 02"), Values.number(BigDecimal.ONE));
        assertArrayEquals(hex("3E 64 66"), Values.number(BigDecimal.ONE.negate()));
        assertArrayEquals(hex("80"), Values.number(BigDecimal.ZERO));
        assertArrayEquals(hex("C2 02"), Values.number(new BigDecimal("100")));
        assertArrayEquals(hex("C2 02 18 2E"), Values.number(new BigDecimal("123.45")));
        assertArrayEquals(hex("C0 33"), Values.number(new BigDecimal("0.5")));
    }

    @Test
    void numberLimitsAndRoundTrips() {
        for (String v : new String[] {"1e-130", "-1e-130", "9.99e125", "-9.99e125", "12345678901234567890123456789012345678",
            "0.000001", "-123.456", "99", "101", "1234567.00890"}) {
            BigDecimal d = new BigDecimal(v);
            assertEquals(0, d.compareTo(Values.number(Values.number(d))), v);
        }
        assertThrows(ArithmeticException.class, () -> Values.number(new BigDecimal("1e126")));
        assertThrows(ArithmeticException.class, () -> Values.number(new BigDecimal("1e-131")));
        Random r = new Random(7);
        for (int i = 0; i < 2000; i++) {
            BigDecimal d = new BigDecimal(r.nextLong()).movePointLeft(r.nextInt(30) - 10);
            assertEquals(0, d.compareTo(Values.number(Values.number(d))), d.toString());
        }
    }

    @Test
    void binaryDoubleWorkedExamplesAndSigns() {
        assertArrayEquals(hex("BF F0 00 00 00 00 00 00"), Values.binaryDouble(1.0));
        assertArrayEquals(hex("40 0F FF FF FF FF FF FF"), Values.binaryDouble(-1.0));
        for (double d : new double[] {0.0, -0.0, 3.141592653589793, -1e300, Double.MIN_VALUE}) {
            assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(Values.binaryDouble(Values.binaryDouble(d))));
        }
        assertEquals(-2.25f, Values.binaryFloat(Values.binaryFloat(-2.25f)));
    }

    @Test
    void dateAndTimestamps() {
        assertArrayEquals(hex("78 7C 03 0F 0E 2E 1F"), Values.date(LocalDateTime.of(2024, 3, 15, 13, 45, 30)));
        LocalDateTime t = LocalDateTime.of(2024, 3, 15, 13, 45, 30, 123_456_789);
        assertEquals(t, Values.dateTime(Values.timestamp(t)));
        OffsetDateTime z = OffsetDateTime.of(2024, 3, 15, 13, 45, 30, 500_000_000, ZoneOffset.ofHoursMinutes(5, 30));
        byte[] b = Values.timestampTz(z);
        assertEquals(8 + 1, b[4], "the date part is in UTC: 08:15");
        assertEquals(5 + 20, b[11]);
        assertEquals(30 + 60, b[12]);
        assertEquals(z, Values.dateTime(b));
    }

    @Test
    void intervalsAndBooleans() {
        Duration d = Duration.ofDays(3).plusHours(4).plusMinutes(5).plusSeconds(6).plusNanos(7000);
        assertEquals(d, Values.intervalDs(Values.intervalDs(d)));
        assertEquals(d.negated(), Values.intervalDs(Values.intervalDs(d.negated())));
        assertEquals(Period.of(2, 11, 0), Values.intervalYm(Values.intervalYm(Period.of(2, 11, 0))));
        assertArrayEquals(hex("01 01"), Values.bool(true));
        assertArrayEquals(hex("00"), Values.bool(false));
        assertEquals(true, Values.bool(hex("01 01")));
    }
}
