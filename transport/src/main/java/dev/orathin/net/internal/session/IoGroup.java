package dev.orathin.net.internal.session;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The library's one event loop group, created on first use with daemon threads so an application
 * that forgets to close a connection still exits. Two threads serve many connections: the work per
 * packet is small and callers block on their own threads.
 */
final class IoGroup {

    private static volatile EventLoopGroup group;

    private IoGroup() {
    }

    static EventLoopGroup get() {
        EventLoopGroup g = group;
        if (g == null) {
            synchronized (IoGroup.class) {
                g = group;
                if (g == null) {
                    group = g = new MultiThreadIoEventLoopGroup(Math.min(2, Runtime.getRuntime().availableProcessors()),
                            new DefaultThreadFactory("orathin-io", true), NioIoHandler.newFactory());
                }
            }
        }
        return g;
    }
}
