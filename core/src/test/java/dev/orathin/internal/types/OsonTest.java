package dev.orathin.internal.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orathin.CoreErrorCode;
import dev.orathin.OrathinProtocolException;
import dev.orathin.json.JsonValue;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OSON decoder against documents laid out by hand from the format description (header,
 * dictionary, tree with two-byte offsets), including relative offsets and objects sharing another
 * object's field ids, Oracle's extended scalars, and malformed input.
 */
class OsonTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    /** Header of a two-name ("a", "b") document with a tree of {@code treeSize} bytes; hash ids 00 (the decoder does not use them). */
    private static String twoNames(int flags, int treeSize) {
        return String.format("FF4A5A 01 %04X 02 0004 %04X 0000 00 00 0000 0002 0161 0162", flags, treeSize);
    }

    @Test
    void scalarString() {
        // flags 0x16: scalar, inline leaf, length in pcode; tree of 4 bytes: type 0x33, length 2, "hi"
        assertEquals(new JsonValue.JsonString("hi"), Oson.decode(hex("FF4A5A 01 0016 0004 33 02 6869")));
    }

    @Test
    void objectWithArray() {
        // 0: object 84 (u16 offsets, u8 count) 2 children, ids 1 2, offsets 8 9
        // 8: true; 9: array C0 2 children at 15, 16; 15: null; 16: NUMBER 5 as 0x21 (2 bytes) C1 06
        String tree = "84 02 01 02 0008 0009 31 C0 02 000F 0010 30 21 C106";
        JsonValue v = Oson.decode(hex(twoNames(0x2106, 19) + tree));
        assertEquals("{\"a\":true,\"b\":[null,5]}", v.toJson());
        Map<String, Object> java = assertInstanceOf(JsonValue.JsonObject.class, v).toJava();
        assertEquals(List.of("a", "b"), List.copyOf(java.keySet()));
    }

    @Test
    void relativeOffsetsCountFromTheContainer() {
        // the same document with flag 0x01: the array at 9 gives its children as 6 and 7
        String tree = "84 02 01 02 0008 0009 31 C0 02 0006 0007 30 21 C106";
        assertEquals("{\"a\":true,\"b\":[null,5]}", Oson.decode(hex(twoNames(0x2107, 19) + tree)).toJson());
    }

    @Test
    void objectSharingFieldIds() {
        // [{"a":1},{"a":2}]: 0 array at 6 and 14; 6 object {a: at 11}; 11 NUMBER 1;
        // 14: 0x9C = object with shared field ids: pointer 0006, then its own offset 0013; 19 NUMBER 2
        String doc = "FF4A5A 01 2106 01 0002 0016 0000 00 0000 0161"
                + "C0 02 0006 000E 84 01 01 000B 21 C102 9C 0006 0013 21 C103";
        assertEquals("[{\"a\":1},{\"a\":2}]", Oson.decode(hex(doc)).toJson());
    }

    @Test
    void extendedScalars() {
        // DATE 2024-02-29 23:59:59: century+100, year+100, month, day, hour+1, minute+1, second+1
        JsonValue d = Oson.decode(hex("FF4A5A 01 0016 0008 3C 787C021D183C3C"));
        assertEquals(new JsonValue.JsonTimestamp(LocalDateTime.of(2024, 2, 29, 23, 59, 59), true), d);
        // BINARY_DOUBLE 0.5 in Oracle order, RAW of two bytes, a FLOAT32 vector [1.0] inside JSON
        assertEquals(new JsonValue.JsonDouble(0.5), Oson.decode(hex("FF4A5A 01 0016 0009 36 BFE0000000000000")));
        assertArrayEquals(new byte[] {(byte) 0xAB, (byte) 0xCD}, (byte[]) Oson.decode(hex("FF4A5A 01 0016 0005 3A 0002 ABCD")).toJava());
        JsonValue vec = Oson.decode(hex("FF4A5A 01 0016 0017 7B 01 00000015 DB000012020000000100000000000000 00 BF800000"));
        assertArrayEquals(new float[] {1.0f}, (float[]) vec.toJava());
        // an inline short string: type 0x00-0x1F is its own length
        assertEquals(new JsonValue.JsonString("ok"), Oson.decode(hex("FF4A5A 01 0016 0003 02 6F6B")));
        // NUMBER 1E-100 with a length byte (type 0x34): 1 × 100^-50, exponent byte 0xC1 - 50 = 0x8F, digit 1 + 1
        assertEquals("1E-100", Oson.decode(hex("FF4A5A 01 0016 0004 34 02 8F 02")).toJson());
    }

    @Test
    void encodesByHand() {
        // {"a":true}: flags 0x2106 (inline leaf, length in pcode, 1-byte hash ids, tiny-nodes stat); one name;
        // hash id = low byte of FNV-1a("a") = (0xC5 ^ 0x61) * 0x93 & 0xFF = 0x2C; the object 0xA4 (four-byte offsets)
        byte[] expected = hex("FF4A5A 01 2106 01 0002 0008 0000 2C 0000 0161 A4 01 01 00000007 31");
        JsonValue doc = new JsonValue.JsonObject(Map.of("a", new JsonValue.JsonBoolean(true)));
        assertArrayEquals(expected, Oson.encode(doc));
        assertEquals(0x2C, Oson.hashId(new byte[] {'a'}));
        // a scalar document: flags 0x16, the tree is the value
        assertArrayEquals(hex("FF4A5A 01 0016 0003 33 01 78"), Oson.encode(new JsonValue.JsonString("x")));
    }

    @Test
    void encodeDecodeRoundTrip() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("n", new java.math.BigDecimal("-1.25E-120"));
        m.put("big", new java.math.BigInteger("123456789012345678901234567890123456"));
        m.put("s", "é".repeat(40_000)); // 80,000 bytes: a four-byte string length and tree size
        m.put("b", Boolean.FALSE);
        m.put("nul", null);
        m.put("d", java.time.LocalDate.of(2024, 2, 29));
        m.put("ts", LocalDateTime.of(2024, 3, 1, 12, 0, 0, 123_456_789));
        m.put("ts0", LocalDateTime.of(2024, 3, 1, 12, 0));
        m.put("tz", java.time.OffsetDateTime.of(2024, 3, 1, 12, 0, 0, 0, java.time.ZoneOffset.ofHoursMinutes(5, 30)));
        m.put("raw", new byte[] {1, 2, 3});
        m.put("nan", Double.NaN);
        m.put("ds", java.time.Duration.ofDays(3).plusMillis(1500));
        m.put("ym", java.time.Period.of(2, 5, 0));
        m.put("vec", new float[] {1.5f, -2f});
        m.put("arr", List.of(1, List.of(), Map.of()));
        for (int i = 0; i < 300; i++) {
            m.put("k" + i, i); // 315 names: two-byte field ids
        }
        JsonValue v = JsonValue.of(m);
        assertEquals(v, Oson.decode(Oson.encode(v)));
    }

    @Test
    void encodeRefusesLongFieldNames() {
        JsonValue doc = new JsonValue.JsonObject(Map.of("x".repeat(256), JsonValue.JsonNull.INSTANCE));
        OrathinProtocolException e = assertThrows(OrathinProtocolException.class, () -> Oson.encode(doc));
        assertEquals(CoreErrorCode.UNSUPPORTED_OSON, e.errorCode());
        assertThrows(IllegalArgumentException.class, () -> JsonValue.of(Map.of(1, 2)));
        assertThrows(IllegalArgumentException.class, () -> JsonValue.of(new Object()));
    }

    @Test
    void malformedAndUnsupportedHaveTypedCodes() {
        assertCode(CoreErrorCode.MALFORMED_OSON, "FF4A5B 01 0016 0001 30"); // magic
        assertCode(CoreErrorCode.UNSUPPORTED_OSON, "FF4A5A 02 0016 0001 30"); // version
        assertCode(CoreErrorCode.UNSUPPORTED_OSON, "FF4A5A 01 0016 0001 35"); // node type 0x35
        assertCode(CoreErrorCode.UNSUPPORTED_OSON, "FF4A5A 01 0016 0002 7B 02"); // extended type other than VECTOR
        assertCode(CoreErrorCode.MALFORMED_OSON, "FF4A5A 01 0016 0004 33 05 6869"); // string longer than the data
        assertCode(CoreErrorCode.MALFORMED_OSON, "FF4A5A 01 0016 0009 30"); // tree size beyond the image
        // field id 3 in a two-name dictionary
        assertCode(CoreErrorCode.MALFORMED_OSON, twoNames(0x2106, 7) + "84 01 03 0005 31 3030");
        // an array whose child is the array itself: refused by the depth limit, not a stack overflow
        assertCode(CoreErrorCode.MALFORMED_OSON, twoNames(0x2106, 4) + "C0 01 0000");
        // a child offset outside the tree
        assertCode(CoreErrorCode.MALFORMED_OSON, twoNames(0x2106, 4) + "C0 01 0100");
    }

    private static void assertCode(CoreErrorCode code, String image) {
        OrathinProtocolException e = assertThrows(OrathinProtocolException.class, () -> Oson.decode(hex(image)));
        assertEquals(code, e.errorCode(), e.getMessage());
    }
}
