/**
 * Naming (tnsnames.ora, Easy Connect, sqlnet.ora), attempt planning, TCP/TLS/HTTPS-proxy on Netty
 * and the Oracle Net (TNS) packet layer.
 */
module dev.orathin.transport {
    requires transitive dev.orathin.wallet;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.transport;
    requires io.netty.handler;
    requires io.netty.codec;
    requires io.netty.resolver;
    requires java.naming;
    requires jdk.net;

    exports dev.orathin.net;
    exports dev.orathin.net.naming;
}
