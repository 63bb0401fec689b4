package dev.orathin.net.internal.tls;

import dev.orathin.net.NetErrorCode;
import dev.orathin.net.NetException;
import dev.orathin.net.Route;
import dev.orathin.wallet.Wallet;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/** Netty TLS for TCPS routes, built from a {@link Wallet}: one client context per wallet and TLS version setting. */
public final class NettyTls {

    private NettyTls() {
    }

    /** A client context presenting the wallet's certificate and trusting its anchors (JDK engine). */
    public static SslContext context(Wallet wallet, String sslVersion) {
        try {
            // Endpoint identification off: the Oracle DN/host check runs after the handshake (ServerIdentity).
            SslContextBuilder b = SslContextBuilder.forClient().sslProvider(SslProvider.JDK).endpointIdentificationAlgorithm(null)
                    .trustManager(wallet.trustManagerFactory());
            if (wallet.privateKey().isPresent()) {
                b.keyManager(wallet.keyManagerFactory());
            }
            b.protocols(sslVersion == null ? new String[] {"TLSv1.3", "TLSv1.2"} : new String[] {sslVersion});
            return b.build();
        } catch (SSLException e) {
            throw new NetException(NetErrorCode.TLS_HANDSHAKE_FAILED, "cannot build the TLS context from " + wallet.description(), e);
        }
    }

    /**
     * A handler for one handshake. No SNI unless USE_SNI asks for Oracle's form
     * ({@code S<len>.<service>.V3.319}, protocol.md §10.3); host name verification is ours, after the
     * handshake ({@link ServerIdentity}).
     */
    public static SslHandler handler(SslContext ctx, ByteBufAllocator alloc, Route route, long handshakeTimeoutMillis) {
        SSLEngine engine = ctx.newEngine(alloc);
        if (route.tls().useSni() && route.serviceName() != null) {
            String sni = oracleSni(route.serviceName());
            if (sni != null) {
                SSLParameters p = engine.getSSLParameters();
                // SNIHostName rejects '_' (common in ADB service names); send the raw host_name bytes.
                p.setServerNames(List.of(new RawHostName(sni.getBytes(StandardCharsets.US_ASCII))));
                engine.setSSLParameters(p);
            }
        }
        SslHandler h = new SslHandler(engine);
        h.setHandshakeTimeoutMillis(Math.max(1, handshakeTimeoutMillis));
        return h;
    }

    /** Oracle's SNI value for a service, or null when the service name cannot be sent (node's rules). */
    public static String oracleSni(String service) {
        if (!service.matches("[A-Za-z0-9._-]+") || service.length() > 200) {
            return null;
        }
        return "S" + service.length() + "." + service + ".V3.319";
    }

    /** Maps a handshake failure to the most specific code. */
    public static NetErrorCode classify(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CertificateExpiredException || c instanceof CertificateNotYetValidException) {
                return NetErrorCode.TLS_CERT_EXPIRED;
            }
            String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("validity check failed")) {
                return NetErrorCode.TLS_CERT_EXPIRED;
            }
            if (c instanceof CertPathValidatorException || m.contains("pkix path") || m.contains("unable to find valid certification path")) {
                return NetErrorCode.TLS_UNTRUSTED_SERVER;
            }
            if (m.contains("received fatal alert: certificate_unknown") || m.contains("received fatal alert: bad_certificate")
                    || m.contains("certificate_required") || m.contains("received fatal alert: unknown_ca")) {
                return NetErrorCode.TLS_CLIENT_REJECTED;
            }
        }
        return NetErrorCode.TLS_HANDSHAKE_FAILED;
    }

    /** An SNI host_name entry carrying raw bytes. */
    private static final class RawHostName extends SNIServerName {
        RawHostName(byte[] encoded) {
            super(0, encoded);
        }
    }
}
