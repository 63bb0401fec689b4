package dev.orathin.net.internal.packet;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Frames the byte stream into {@link TnsPacket}s. The length field is 2 bytes before an ACCEPT
 * and 4 bytes after an ACCEPT with version >= 315 (protocol.md §1.1: the reader switches right
 * after processing that ACCEPT). Lengths below 8 or above the bound are malformed.
 */
public final class TnsFrameDecoder extends ByteToMessageDecoder {

    /** Largest packet accepted: the largest SDU Oracle Net negotiates (node uses the same bound). */
    public static final int MAX_PACKET = 2_097_152;
    /** First version with 4-byte packet lengths. */
    public static final int MIN_LARGE_SDU_VERSION = 315;

    private boolean largeLengths;

    /** True once 4-byte lengths are in use. */
    public boolean largeLengths() {
        return largeLengths;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= 8) {
            int start = in.readerIndex();
            long length = largeLengths ? in.getUnsignedInt(start) : in.getUnsignedShort(start);
            if (length < 8 || length > MAX_PACKET) {
                in.skipBytes(in.readableBytes());
                throw new TnsPacket.MalformedPacketException("packet length " + length + " (expected 8.." + MAX_PACKET + ")");
            }
            if (in.readableBytes() < length) {
                return;
            }
            byte[] bytes = new byte[(int) length];
            in.readBytes(bytes);
            TnsPacket p = new TnsPacket(bytes[4] & 0xFF, bytes[5] & 0xFF, bytes);
            if (p.type() == TnsPacket.ACCEPT && bytes.length >= 10 && p.u16(8) >= MIN_LARGE_SDU_VERSION) {
                largeLengths = true;
            }
            out.add(p);
        }
    }
}
