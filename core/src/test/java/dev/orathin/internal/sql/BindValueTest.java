package dev.orathin.internal.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.OracleType;
import dev.orathin.OutParam;
import dev.orathin.internal.types.OracleDateTime;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Bind encodings from protocol.md §7.3 and §8. */
class BindValueTest {

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void javaValuesMapToOracleTypes() {
        BindValue n = BindValue.of(1, 4000, ":1");
        assertEquals(2, n.typeNumber());
        assertEquals("c102", hex(n.data()), "1 = C1 02 (protocol.md §8.1)");
        assertEquals("3e6466", hex(BindValue.of(-1L, 4000, "x").data()));
        assertEquals("c2021842", hex(BindValue.of(new BigDecimal("123.65"), 4000, "x").data()));
        BindValue s = BindValue.of("héllo", 4000, "x");
        assertEquals(1, s.typeNumber());
        assertEquals(1, s.charsetForm());
        assertEquals(6, s.bufferSize());
        assertEquals(101, BindValue.of(1.0d, 4000, "x").typeNumber());
        assertEquals("bff0000000000000", hex(BindValue.of(1.0d, 4000, "x").data()));
        assertEquals(100, BindValue.of(1.0f, 4000, "x").typeNumber());
        assertEquals(23, BindValue.of(new byte[] {1}, 4000, "x").typeNumber());
        assertEquals("c102", hex(BindValue.of(true, 4000, "x").data()), "booleans go as NUMBER 1 at field version 13");
        assertEquals("80", hex(BindValue.of(false, 4000, "x").data()));
        assertEquals("787c030f0e2e1f", hex(BindValue.of(LocalDateTime.of(2024, 3, 15, 13, 45, 30), 4000, "x").data()),
                "DATE example of protocol.md §8.2; a TIMESTAMP without fraction is sent in 7 bytes");
        assertEquals(12, BindValue.of(LocalDate.of(2024, 3, 15), 4000, "x").typeNumber());
        BindValue tz = BindValue.of(OffsetDateTime.of(2024, 3, 15, 13, 45, 30, 0, ZoneOffset.ofHours(2)), 4000, "x");
        assertEquals(181, tz.typeNumber());
        assertEquals("787c030f0c2e1f00000000163c", hex(tz.data()), "date part in UTC, no fraction, then hour + 20, minute + 60");
        assertEquals(181, BindValue.of(Instant.EPOCH, 4000, "x").typeNumber());
        BindValue nul = BindValue.of(null, 4000, "x");
        assertNull(nul.data());
        assertEquals(1, nul.typeNumber());
    }

    @Test
    void longValuesSwitchToLongTypes() {
        BindValue big = BindValue.of("x".repeat(5000), 4000, "x");
        assertEquals(8, big.typeNumber());
        assertTrue(big.isLong());
        assertEquals(24, BindValue.of(new byte[40000], 32767, "x").typeNumber());
    }

    @Test
    void intervalsRoundTrip() {
        for (Duration d : new Duration[] {Duration.ZERO, Duration.ofDays(3).plusHours(4).plusMinutes(5).plusSeconds(6).plusNanos(7),
                Duration.ofHours(-25).minusMillis(5), Duration.ofNanos(-1)}) {
            assertEquals(d, OracleDateTime.decodeIntervalDs(BindValue.of(d, 4000, "x").data()), d.toString());
        }
        assertEquals("800000003c3c3c80000000", hex(BindValue.of(Duration.ZERO, 4000, "x").data()));
        for (Period p : new Period[] {Period.ofYears(2).plusMonths(3), Period.ofMonths(-14)}) {
            assertEquals(p.normalized(), OracleDateTime.decodeIntervalYm(BindValue.of(p, 4000, "x").data()));
        }
        assertThrows(IllegalArgumentException.class, () -> BindValue.of(Period.ofDays(1), 4000, "x"));
    }

    @Test
    void outParamsCarryTheirDirectionAndInValue() {
        BindValue out = BindValue.of(OutParam.of(OracleType.NUMBER), 4000, "x");
        assertEquals(BindValue.DIR_OUT, out.direction());
        assertNull(out.data());
        BindValue io = BindValue.of(OutParam.inOut(OracleType.VARCHAR2, "ab"), 4000, "x");
        assertEquals(BindValue.DIR_IN_OUT, io.direction());
        assertArrayEquals(new byte[] {'a', 'b'}, io.data());
        assertEquals(4000, io.bufferSize());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BindValue.of(new Object(), 4000, ":v"));
        assertTrue(e.getMessage().contains(":v"), e.getMessage());
    }
}
