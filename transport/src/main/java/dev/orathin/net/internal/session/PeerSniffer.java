package dev.orathin.net.internal.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * First inbound handler of a plain-TCP attempt: looks at the first bytes the listener sends and,
 * when they are a TLS record header (handshake 0x16 or alert 0x15, version 0x03 0x01..0x04: a TCPS
 * listener answering our plain CONNECT), fails the attempt with {@link TlsOnPlainTcp} instead of
 * letting the TNS decoder wait for a 5 KB "packet". A TNS answer cannot look like that: its bytes
 * 2-3 are the packet checksum, always 0. Removes itself after the first read.
 */
final class PeerSniffer extends ChannelInboundHandlerAdapter {

    /** Raised into the pipeline when the peer speaks TLS. */
    static final class TlsOnPlainTcp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TlsOnPlainTcp(String what) {
            super(what, null, false, false);
        }
    }

    private boolean sawBytes;

    /** True once the peer sent anything. */
    boolean sawBytes() {
        return sawBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf b && b.readableBytes() > 0) {
            sawBytes = true;
            int i = b.readerIndex();
            if (b.readableBytes() >= 3 && (b.getByte(i) == 0x15 || b.getByte(i) == 0x16) && b.getByte(i + 1) == 0x03
                    && b.getByte(i + 2) >= 0x01 && b.getByte(i + 2) <= 0x04) {
                String what = b.getByte(i) == 0x15 ? "a TLS alert" : "a TLS handshake record";
                b.release();
                ctx.pipeline().remove(this);
                ctx.fireExceptionCaught(new TlsOnPlainTcp(what));
                return;
            }
            ctx.pipeline().remove(this);
        }
        ctx.fireChannelRead(msg);
    }
}
