package dev.orathin.testkit.internal.ttcserver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orathin.testkit.internal.ttcserver.OraErrors.OraException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The testkit's JSON text ↔ OSON codec against documents laid out by hand from the format description. */
class OsonTestkitTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void writesObjectByHand() {
        // {"a":true}: one name, hash id 0x2C (low byte of FNV-1a("a")), object 0xA4 with a four-byte offset to "true"
        assertArrayEquals(hex("FF4A5A 01 2106 01 0002 0008 0000 2C 0000 0161 A4 01 01 00000007 31"),
                OsonWriter.oson(OsonWriter.parse("{\"a\": true}")));
        assertArrayEquals(hex("FF4A5A 01 0016 0003 33 01 78"), OsonWriter.oson(OsonWriter.parse("\"x\"")));
    }

    @Test
    void readsWhatOtherEncodersWrite() {
        // two-byte offsets, relative offsets (flag 0x01), an inline string (type = length) and a short NUMBER (0x21 C1 06 = 5)
        String doc = "FF4A5A 01 2107 02 0004 0015 0000 00 00 0000 0002 0161 0162"
                + "84 02 01 02 0008 0009 31 C0 02 0006 0009 02 6F6B 21 C106";
        assertEquals("{\"a\":true,\"b\":[\"ok\",5]}", OsonReader.toJson(hex(doc)));
        // objects sharing field ids (0x9C: pointer, then own offsets)
        String shared = "FF4A5A 01 2106 01 0002 0016 0000 00 0000 0161"
                + "C0 02 0006 000E 84 01 01 000B 21 C102 9C 0006 0013 21 C103";
        assertEquals("[{\"a\":1},{\"a\":2}]", OsonReader.toJson(hex(shared)));
    }

    @Test
    void roundTripsKeepValuesAndSortMembersByFieldId() {
        String text = "{\"z\":[1,-0.5,1E+100,\"é\\\"\\\\\",null,true,false,{}],\"ключ\":{\"empty\":[]}}";
        String back = OsonReader.toJson(OsonWriter.oson(OsonWriter.parse(text)));
        // members come back in field-id order (hash order), values unchanged (1E+100 comes back as 1.0E+100)
        assertArrayEquals(OsonWriter.oson(OsonWriter.parse(text)), OsonWriter.oson(OsonWriter.parse(back)));
    }

    @Test
    void malformedIsOra40441() {
        for (String s : new String[] {"FF4A5B 01 0016 0001 30", "FF4A5A 02 0016 0001 30", "FF4A5A 01 0016 0001 35", "FF4A5A 01 0016 0004 33 05"}) {
            assertEquals(40441, assertThrows(OraException.class, () -> OsonReader.toJson(hex(s)), s).error.number());
        }
        assertEquals(40441, assertThrows(OraException.class, () -> OsonWriter.parse("{\"a\":}")).error.number());
    }
}
