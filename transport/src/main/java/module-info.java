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
    // the connect machinery: used by core's connect, the CLI's doctor and the benchmarks, not API
    exports dev.orathin.net.internal.session to dev.orathin.core, dev.orathin.examples;
    exports dev.orathin.net.internal.plan to dev.orathin.core, dev.orathin.examples, dev.orathin.benchmarks;
    exports dev.orathin.net.internal.naming to dev.orathin.core, dev.orathin.examples, dev.orathin.benchmarks;
}
