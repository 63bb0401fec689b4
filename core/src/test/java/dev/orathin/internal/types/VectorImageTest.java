package dev.orathin.internal.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.ByteVector;
import dev.orathin.CoreErrorCode;
import dev.orathin.OrathinProtocolException;
import dev.orathin.SparseVector;
import dev.orathin.VectorFormat;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The VECTOR image codec against byte vectors derived by hand from the format (header
 * {@code DB version flags16 format dims32}, 8-byte norm, sparse count16 + indices32, elements in
 * BINARY_FLOAT / BINARY_DOUBLE byte order), round trips of edge values, and malformed images.
 */
class VectorImageTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void float32ByHand() {
        // 1.0f = 3F800000 (positive: sign bit set → BF800000); -2.0f = C0000000 (negative: complemented → 3FFFFFFF)
        byte[] image = hex("DB 00 0012 02 00000002 0000000000000000 BF800000 3FFFFFFF");
        assertArrayEquals(image, VectorImage.encode(new float[] {1.0f, -2.0f}));
        assertArrayEquals(new float[] {1.0f, -2.0f}, (float[]) VectorImage.decode(image));
    }

    @Test
    void float64ByHand() {
        // 0.5 = 3FE0000000000000 → BFE0000000000000
        byte[] image = hex("DB 00 0012 03 00000001 0000000000000000 BFE0000000000000");
        assertArrayEquals(image, VectorImage.encode(new double[] {0.5}));
        assertArrayEquals(new double[] {0.5}, (double[]) VectorImage.decode(image));
    }

    @Test
    void binaryByHand() {
        // version 1, flags: norm reserved only; dims = 8 × bytes; the 8 norm bytes are always present for BINARY
        byte[] image = hex("DB 01 0010 05 00000010 0000000000000000 A5 01");
        assertArrayEquals(image, VectorImage.encode(ByteVector.binary(new byte[] {(byte) 0xA5, 1})));
        assertArrayEquals(new byte[] {(byte) 0xA5, 1}, (byte[]) VectorImage.decode(image));
    }

    @Test
    void int8WithoutNormSlotDecodes() {
        // flags 0: no norm bytes (python 1.x-era images); INT8 elements are signed bytes
        assertArrayEquals(new byte[] {-128, 127}, (byte[]) VectorImage.decode(hex("DB 00 0000 04 00000002 80 7F")));
        assertArrayEquals(hex("DB 00 0012 04 00000002 0000000000000000 80 7F"), VectorImage.encode(ByteVector.int8(new byte[] {-128, 127})));
    }

    @Test
    void sparseByHand() {
        // version 2, flags 0x32 (sparse, norm, norm reserved), dims 5, one stored element at index 3
        byte[] image = hex("DB 02 0032 03 00000005 0000000000000000 0001 00000003 BFE0000000000000");
        SparseVector v = SparseVector.ofDoubles(5, new int[] {3}, new double[] {0.5});
        assertArrayEquals(image, VectorImage.encode(v));
        SparseVector back = assertInstanceOf(SparseVector.class, VectorImage.decode(image));
        assertEquals(v, back);
        assertArrayEquals(new double[] {0, 0, 0, 0.5, 0}, (double[]) back.toDense());
        assertEquals("[5,[3],[0.5]]", back.toString());
    }

    @Test
    void edgeValuesRoundTrip() {
        float[] f = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, Float.MIN_VALUE, Float.MAX_VALUE};
        assertArrayEquals(f, (float[]) VectorImage.decode(VectorImage.encode(f)));
        double[] d = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE, -Double.MAX_VALUE};
        assertArrayEquals(d, (double[]) VectorImage.decode(VectorImage.encode(d)));
        float[] one = {42f};
        assertArrayEquals(one, (float[]) VectorImage.decode(VectorImage.encode(one)));
        float[] max = new float[VectorImage.MAX_DIMENSIONS];
        for (int i = 0; i < max.length; i++) {
            max[i] = i * 0.5f - 100;
        }
        assertArrayEquals(max, (float[]) VectorImage.decode(VectorImage.encode(max)));
        SparseVector s = SparseVector.ofBytes(65535, new int[] {0, 65534}, new byte[] {-128, 127});
        assertEquals(s, VectorImage.decode(VectorImage.encode(s)));
    }

    @Test
    void encodeRefusesOutOfRangeDimensions() {
        assertThrows(IllegalArgumentException.class, () -> VectorImage.encode(new float[0]));
        assertThrows(IllegalArgumentException.class, () -> VectorImage.encode(new double[65536]));
        assertThrows(IllegalArgumentException.class, () -> SparseVector.ofFloats(4, new int[] {2, 1}, new float[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> new ByteVector(VectorFormat.FLOAT32, new byte[1]));
    }

    @Test
    void malformedImagesHaveTypedCodes() {
        assertCode(CoreErrorCode.MALFORMED_VECTOR, "DC 00 0000 02 00000001 BF800000"); // magic
        assertCode(CoreErrorCode.UNSUPPORTED_VECTOR, "DB 03 0000 02 00000001 BF800000"); // newer version
        assertCode(CoreErrorCode.UNSUPPORTED_VECTOR, "DB 00 0000 07 00000001 BF800000"); // unknown format
        assertCode(CoreErrorCode.MALFORMED_VECTOR, "DB 00 0000 02 00000002 BF800000"); // one element short
        assertCode(CoreErrorCode.MALFORMED_VECTOR, "DB 00 0000 02 00000001 BF800000 00"); // trailing byte
        assertCode(CoreErrorCode.MALFORMED_VECTOR, "DB 01 0010 05 0000000C 0000000000000000 A5 01"); // 12 bits
        assertCode(CoreErrorCode.MALFORMED_VECTOR, "DB 02 0020 02 00000002 0001 00000002 BF800000"); // index 2 of 2 dims
        assertCode(CoreErrorCode.MALFORMED_VECTOR, "DB 00 00"); // shorter than the header
        assertCode(CoreErrorCode.MALFORMED_VECTOR, "DB 00 0000 02 00010000"); // 65536 dimensions
    }

    private static void assertCode(CoreErrorCode code, String image) {
        OrathinProtocolException e = assertThrows(OrathinProtocolException.class, () -> VectorImage.decode(hex(image)));
        assertEquals(code, e.errorCode(), e.getMessage());
        assertTrue(e.getMessage().contains("VECTOR"), e.getMessage());
    }
}
