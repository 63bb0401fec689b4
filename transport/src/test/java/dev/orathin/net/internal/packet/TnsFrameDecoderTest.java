package dev.orathin.net.internal.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TnsFrameDecoderTest {

    /** A v319 ACCEPT as the testkit and real listeners send it (protocol.md §3.1). */
    static byte[] accept(int version, int sdu, long flags2) {
        byte[] p = new byte[61];
        p[1] = 61;
        p[4] = TnsPacket.ACCEPT;
        p[8] = (byte) (version >>> 8);
        p[9] = (byte) version;
        p[11] = 1;
        p[21] = 61;
        p[22] = 0x04;
        p[23] = 0x08;
        p[32] = (byte) (sdu >>> 24);
        p[33] = (byte) (sdu >>> 16);
        p[34] = (byte) (sdu >>> 8);
        p[35] = (byte) sdu;
        p[41] = (byte) (flags2 >>> 24);
        p[42] = (byte) (flags2 >>> 16);
        p[43] = (byte) (flags2 >>> 8);
        p[44] = (byte) flags2;
        return p;
    }

    @Test
    void splitInputOneByteAtATime() {
        EmbeddedChannel ch = new EmbeddedChannel(new TnsFrameDecoder());
        byte[] a = accept(319, 8192, 0x10000000L);
        for (byte b : a) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        TnsPacket p = ch.readInbound();
        assertArrayEquals(a, p.bytes());
        assertNull(ch.readInbound());
        assertTrue(ch.finishAndReleaseAll() || true);
    }

    @Test
    void switchesToFourByteLengthsAfterAcceptAndHandlesCoalescedPackets() {
        TnsFrameDecoder d = new TnsFrameDecoder();
        EmbeddedChannel ch = new EmbeddedChannel(d);
        byte[] a = accept(319, 8192, 0);
        byte[] data = Packets.data(0, "hello".getBytes(StandardCharsets.US_ASCII), 0, 5, true);
        byte[] marker = Packets.marker(2, true);
        byte[] all = new byte[a.length + data.length + marker.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(data, 0, all, a.length, data.length);
        System.arraycopy(marker, 0, all, a.length + data.length, marker.length);
        ch.writeInbound(Unpooled.wrappedBuffer(all));
        assertEquals(TnsPacket.ACCEPT, ((TnsPacket) ch.readInbound()).type());
        TnsPacket p = ch.readInbound();
        assertEquals(TnsPacket.DATA, p.type());
        assertEquals("hello", new String(p.tail(10), StandardCharsets.US_ASCII));
        assertEquals(TnsPacket.MARKER, ((TnsPacket) ch.readInbound()).type());
        assertTrue(d.largeLengths());
        ch.finishAndReleaseAll();
    }

    @Test
    void oldVersionAcceptKeepsTwoByteLengths() {
        TnsFrameDecoder d = new TnsFrameDecoder();
        EmbeddedChannel ch = new EmbeddedChannel(d);
        ch.writeInbound(Unpooled.wrappedBuffer(accept(314, 8192, 0)));
        ch.readInbound();
        assertTrue(!d.largeLengths());
        ch.finishAndReleaseAll();
    }

    @Test
    void malformedLengthIsRejected() {
        EmbeddedChannel ch = new EmbeddedChannel(new TnsFrameDecoder());
        DecoderException e = assertThrows(DecoderException.class,
                () -> ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 3, 0, 0, 2, 0, 0, 0})));
        assertTrue(e.getCause() instanceof TnsPacket.MalformedPacketException);
        ch.finishAndReleaseAll();
    }

    @Test
    void connectCarriesLongDataInFollowingDataPacket() {
        String shortData = "(DESCRIPTION=(CONNECT_DATA=(SERVICE_NAME=x)))";
        List<byte[]> one = Packets.connect(shortData, 8192, false);
        assertEquals(1, one.size());
        assertEquals(74 + shortData.length(), one.get(0).length);
        assertEquals(319, ((one.get(0)[8] & 0xFF) << 8) | (one.get(0)[9] & 0xFF));
        assertEquals(shortData, new String(one.get(0), 74, shortData.length(), StandardCharsets.US_ASCII));
        String longData = "(DESCRIPTION=" + "(X=1)".repeat(60) + ")";
        List<byte[]> two = Packets.connect(longData, 8192, true);
        assertEquals(2, two.size());
        assertEquals(74, two.get(0).length, "CONNECT without the data");
        assertEquals(TnsPacket.FLAG_REDIRECTED_CONNECT, two.get(0)[5]);
        assertEquals(longData.length(), ((two.get(0)[24] & 0xFF) << 8) | (two.get(0)[25] & 0xFF));
        assertEquals(TnsPacket.DATA, two.get(1)[4]);
        assertEquals(longData, new String(two.get(1), 10, two.get(1).length - 10, StandardCharsets.US_ASCII));
    }

    @Test
    void refuseAndAcceptDecoding() {
        String text = "(DESCRIPTION=(TMP=)(VSNNUM=0)(ERR=12514)(ERROR_STACK=(ERROR=(CODE=12514)(EMFI=4))))";
        byte[] r = new byte[12 + text.length()];
        r[4] = TnsPacket.REFUSE;
        r[10] = (byte) (text.length() >>> 8);
        r[11] = (byte) text.length();
        System.arraycopy(text.getBytes(StandardCharsets.US_ASCII), 0, r, 12, text.length());
        assertEquals(12514, Packets.Refuse.decode(new TnsPacket(4, 0, r)).error());
        Packets.Accept a = Packets.Accept.decode(new TnsPacket(2, 0, accept(319, 16384, 0x10000000L)));
        assertEquals(319, a.version());
        assertEquals(16384, a.sdu());
        assertEquals(0x10000000L, a.flags2());
        assertThrows(TnsPacket.MalformedPacketException.class, () -> Packets.Accept.decode(new TnsPacket(2, 0, new byte[20])));
        Packets.Redirect rd = Packets.Redirect.parse("(ADDRESS=(HOST=h)(PORT=1))\0(DESCRIPTION=x)");
        assertEquals("(DESCRIPTION=x)", rd.connectData());
    }
}
