package dev.orathin.net.internal.session;

import dev.orathin.net.internal.packet.TnsPacket;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Last handler of the pipeline: hands decoded packets, failures and the end of the connection to
 * the thread that waits for them (blocking API on top of Netty).
 */
final class InboundQueue extends ChannelInboundHandlerAdapter {

    /** Put in the queue when the channel closes. */
    static final Object CLOSED = new Object();

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        queue.add(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        queue.add(cause);
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        queue.add(CLOSED);
        ctx.fireChannelInactive();
    }

    /** Next item (TnsPacket, Throwable or CLOSED), or null when {@code millis} passed. */
    Object poll(long millis) throws InterruptedException {
        Object o = queue.poll(Math.max(0, millis), TimeUnit.MILLISECONDS);
        if (o == CLOSED) {
            queue.add(CLOSED); // stays closed for later readers
        }
        return o;
    }

    /** True when a packet is waiting. */
    boolean hasPacket() {
        return queue.peek() instanceof TnsPacket;
    }
}
