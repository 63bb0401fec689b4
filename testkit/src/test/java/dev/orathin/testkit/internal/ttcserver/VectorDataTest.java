package dev.orathin.testkit.internal.ttcserver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orathin.testkit.internal.ttcserver.OraErrors.OraException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The testkit's own VECTOR model against images derived by hand from the format description. */
class VectorDataTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void textToFloat32Image() {
        // 1 → 3F800000 → BF800000; 2.5 → 40200000 → C0200000; -3 → C0400000 → complemented 3FBFFFFF
        assertArrayEquals(hex("DB 00 0012 02 00000003 0000000000000000 BF800000 C0200000 3FBFFFFF"),
                VectorData.fromText("[1, 2.5, -3]").image());
        assertEquals("[1.0,2.5,-3.0]", VectorData.fromText("[1,2.5,-3]").text());
    }

    @Test
    void parsesEveryFormatAndWritesItBack() {
        String[] images = {
            "DB 00 0012 03 00000001 0000000000000000 BFE0000000000000", // FLOAT64 0.5
            "DB 00 0012 04 00000003 0000000000000000 80 7F 00", // INT8 -128, 127, 0
            "DB 01 0010 05 00000010 0000000000000000 FF 01", // BINARY 16 dims
            "DB 02 0032 02 0000000A 0000000000000000 0002 00000001 00000007 C0200000 407FFFFF", // sparse FLOAT32
        };
        for (String s : images) {
            assertArrayEquals(hex(s), VectorData.parse(hex(s)).image(), s);
        }
        assertEquals("[10,[1,7],[2.5,-1.0]]", VectorData.parse(hex(images[3])).text());
        assertEquals("[-128,127,0]", VectorData.parse(hex(images[1])).text());
        // no norm slot (flags 0) is read, and written back with the reserved norm
        assertArrayEquals(hex("DB 00 0012 04 00000001 0000000000000000 05"), VectorData.parse(hex("DB 00 0000 04 00000001 05")).image());
        assertNull(TestkitFunctions.toVector(null));
    }

    @Test
    void malformedImagesAreOra51805() {
        for (String s : new String[] {"DC 00 0000 02 00000001 BF800000", "DB 00 0000 02 00000002 BF800000", "DB 00 0000 02 00000001 BF800000 00",
            "DB 01 0010 05 0000000C 0000000000000000 A5 01", "DB 00 0000 09 00000001 00", "DB 00"}) {
            OraException e = assertThrows(OraException.class, () -> VectorData.parse(hex(s)), s);
            assertEquals(51805, e.error.number(), s);
        }
        assertEquals(51805, assertThrows(OraException.class, () -> VectorData.fromText("1,2")).error.number());
    }
}
