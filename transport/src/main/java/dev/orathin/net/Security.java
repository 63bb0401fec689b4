package dev.orathin.net;

import dev.orathin.net.internal.naming.Params;
import java.util.Map;
import java.util.Optional;

/**
 * SECURITY: TLS identity checks, TLS version and the client wallet. Client-side only: never sent
 * to the listener.
 *
 * @param params the keys, in written order
 */
public record Security(Map<String, Param> params) {

    /** Copies. */
    public Security {
        params = Params.copy(params);
    }

    /** SSL_SERVER_DN_MATCH, if set (python-oracledb and ADB wallets use on). */
    public Optional<Boolean> sslServerDnMatch() {
        return Params.bool(params, "SSL_SERVER_DN_MATCH");
    }

    /** SSL_SERVER_CERT_DN, if set. */
    public Optional<String> sslServerCertDn() {
        return Params.text(params, "SSL_SERVER_CERT_DN");
    }

    /** SSL_VERSION normalised to {@code TLSv1.2} / {@code TLSv1.3}; empty for "undetermined" or both. */
    public Optional<String> sslVersion() {
        return Params.text(params, "SSL_VERSION").map(Params::tlsVersion).filter(v -> !v.isEmpty());
    }

    /** WALLET_LOCATION or MY_WALLET_DIRECTORY (a directory, a file, or a (SOURCE=...) value's directory). */
    public Optional<String> walletLocation() {
        return Params.text(params, "WALLET_LOCATION").or(() -> Params.text(params, "MY_WALLET_DIRECTORY"));
    }
}
