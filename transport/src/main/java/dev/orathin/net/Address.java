package dev.orathin.net;

import dev.orathin.net.internal.naming.Params;
import java.util.Map;
import java.util.Optional;

/**
 * One ADDRESS: protocol, host (name, IPv4 or IPv6 without brackets) and port, plus its other
 * parameters (HTTPS_PROXY, HTTPS_PROXY_PORT, SEND_BUF_SIZE, ...), each with provenance.
 *
 * @param protocol {@code tcp} or {@code tcps}
 * @param host the host
 * @param port the port (default 1521)
 * @param params every parameter of the address, PROTOCOL/HOST/PORT included, in written order
 */
public record Address(String protocol, String host, int port, Map<String, Param> params) implements AddressNode {

    /** Copies params. */
    public Address {
        params = Params.copy(params);
    }

    /** HTTPS_PROXY, if set. */
    public Optional<String> httpsProxy() {
        return Params.text(params, "HTTPS_PROXY");
    }

    /** HTTPS_PROXY_PORT, if set. */
    public Optional<Integer> httpsProxyPort() {
        return Params.integer(params, "HTTPS_PROXY_PORT", 1, 65535);
    }

    /** {@code protocol://host:port}. */
    @Override
    public String toString() {
        return protocol + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
