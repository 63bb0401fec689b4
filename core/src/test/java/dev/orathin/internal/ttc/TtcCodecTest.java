package dev.orathin.internal.ttc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orathin.OrathinProtocolException;
import dev.orathin.net.NetPacket;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.junit.jupiter.api.Test;

class TtcCodecTest {

    /** Splits bytes into DATA packets of {@code size} bytes, optionally followed by a marker. */
    static TtcReader reader(byte[] bytes, int size, boolean marker) {
        Deque<NetPacket> q = new ArrayDeque<>();
        for (int off = 0; off < bytes.length; off += size) {
            q.add(new NetPacket(NetPacket.TYPE_DATA, 0, 0, Arrays.copyOfRange(bytes, off, Math.min(bytes.length, off + size))));
        }
        if (marker) {
            q.add(new NetPacket(NetPacket.TYPE_MARKER, 0, 0, new byte[] {1, 0, 1}));
        }
        return new TtcReader(q::remove);
    }

    @Test
    void universalIntegersUseTheShortestForm() {
        assertArrayEquals(new byte[] {0}, new TtcWriter().ub(0).toByteArray());
        assertArrayEquals(new byte[] {1, 5}, new TtcWriter().ub(5).toByteArray());
        assertArrayEquals(new byte[] {2, 1, 0}, new TtcWriter().ub(256).toByteArray());
        assertArrayEquals(new byte[] {4, 0, 1, 0, 0}, new TtcWriter().ub(65536).toByteArray());
        assertArrayEquals(new byte[] {(byte) 0x81, 3}, new TtcWriter().sb(-3).toByteArray());
    }

    @Test
    void valuesRoundTripAcrossPacketBoundaries() {
        byte[] big = new byte[70_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        byte[] msg = new TtcWriter().ub1(3).ub(118).ub(1L << 40).sb(-1234567).clr(new byte[253]).clr(null).clr(big)
                .twoLengths("AUTH_SESSKEY".getBytes()).keyValue("K", null, 7).uint16be(0xBEEF).uint32be(0xCAFEBABEL).uint16le(873)
                .str("banner").toByteArray();
        for (int size : new int[] {1, 7, 8192}) {
            TtcReader r = reader(msg, size, false);
            assertEquals(3, r.ub1());
            assertEquals(118, r.ub());
            assertEquals(1L << 40, r.ub());
            assertEquals(-1234567, r.sb());
            assertEquals(253, r.clr().length, "253 bytes go chunked");
            assertNull(r.clr());
            assertArrayEquals(big, r.clr());
            assertEquals("AUTH_SESSKEY", new String(r.twoLengths()));
            assertEquals("K", new String(r.twoLengths()));
            assertNull(r.twoLengths());
            assertEquals(7, r.ub4());
            assertEquals(0xBEEF, r.uint16be());
            assertEquals(0xCAFEBABEL, r.uint32be());
            assertEquals(873, r.uint16le());
            assertEquals("banner", r.str());
            assertEquals(true, r.exhausted());
        }
    }

    @Test
    void errorInfoWithAndWithoutEndOfCallStatus() {
        // the same ORA-01017 error block, once with the leading end-of-call status and once without
        byte[] tail = new TtcWriter().ub(0).ub(0).ub(1017).ub(0).ub(0).ub(3).sb(0).raw(new byte[6]).ub(0).ub(0).ub1(0).ub(0).ub(0)
                .ub(0).ub1(0).ub1(0).ub(0).ub(0).ub(0).ub(0).ub(0).ub(0).ub(1017).ub(0).str("ORA-01017: denied").toByteArray();
        byte[] withStatus = new TtcWriter().ub(1).raw(tail).toByteArray();
        ErrorInfo a = ErrorInfo.read(reader(withStatus, 7, false), 13, true);
        ErrorInfo b = ErrorInfo.read(reader(tail, 7, false), 13, false);
        assertEquals(1017, a.number());
        assertEquals(1017, b.number());
        assertEquals(3, b.cursorId());
        assertEquals("ORA-01017: denied", b.message());
    }

    @Test
    void markerAndMalformedInput() {
        TtcReader r = reader(new byte[] {5}, 10, true);
        assertEquals(5, r.ub1());
        assertEquals(1, assertThrows(TtcReader.MarkerException.class, r::ub1).markerType());
        assertThrows(OrathinProtocolException.class, () -> reader(new byte[] {9, 1, 2}, 10, false).ub());
    }

    @Test
    void largeValuesAreReadIncrementallyAndIntact() {
        byte[] big = new byte[3_000_000];
        new java.util.Random(3).nextBytes(big);
        byte[] wire = new TtcWriter().ub1(0xFE).ub(big.length).raw(big).ub(0).toByteArray(); // one 3 MB chunk
        assertArrayEquals(big, reader(wire, 8000, false).clr());
        // a corrupt length is not allocated up front: the reader runs out of packets instead
        byte[] corrupt = new TtcWriter().ub1(0xFE).ub(Integer.MAX_VALUE).raw(new byte[10]).toByteArray();
        assertThrows(java.util.NoSuchElementException.class, () -> reader(corrupt, 100, false).clr());
    }

    @Test
    void anUnsignedIntegerBeyond63BitsIsMalformedNotNegative() {
        // eight 0xFF length bytes: 2^64 - 1, which a long holds as -1 (TtcFuzzTests finding)
        byte[] msg = {8, -1, -1, -1, -1, -1, -1, -1, -1};
        OrathinProtocolException e = assertThrows(OrathinProtocolException.class, () -> reader(msg, 16, false).ub4());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("18446744073709551615"), e.getMessage());
    }
}
