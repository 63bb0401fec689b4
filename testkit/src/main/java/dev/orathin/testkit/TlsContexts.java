package dev.orathin.testkit;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/** The server-side TLS contexts of a TCPS test listener: listener, database and fault variants. */
final class TlsContexts {

    /**
     * Oracle's SNI form (protocol.md §10.3): {@code S<len>.<service>[.I..][.T1.x][.C..].V3.<version>}.
     * When a client sends it, the listener routes without the hand-off and presents the database
     * certificate straight away.
     */
    static final Pattern ORACLE_SNI = Pattern.compile("^S\\d+\\..+\\.V3\\.\\d+$");

    private final TestPki pki;

    TlsContexts(TestPki pki) {
        this.pki = pki;
    }

    /** Context for the first handshake: the given certificate, or the database one for Oracle SNI. */
    SSLContext first(TestCertificate listenerCert, boolean rejectClients) {
        return context(listenerCert, pki.database(), rejectClients);
    }

    /** Context for the second handshake after RESEND: the database certificate. */
    SSLContext second() {
        return context(pki.database(), pki.database(), false);
    }

    private SSLContext context(TestCertificate plain, TestCertificate sniRouted, boolean rejectClients) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(new javax.net.ssl.KeyManager[] {new SniKeyManager(plain, sniRouted)},
                    new TrustManager[] {rejectClients ? new RejectingTrustManager() : clientTrust()}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build testkit TLS context", e);
        }
    }

    private X509TrustManager clientTrust() throws GeneralSecurityException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("ca", pki.ca().certificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            return (X509TrustManager) tmf.getTrustManagers()[0];
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** The SNI host name a handshake (session) carried, as text. */
    static String sniOf(SSLSession session) {
        if (session instanceof ExtendedSSLSession ext) {
            for (SNIServerName n : ext.getRequestedServerNames()) {
                if (n instanceof SNIHostName h) {
                    return h.getAsciiName();
                }
                return new String(n.getEncoded(), java.nio.charset.StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    /** Presents one certificate, or another when the client asked for Oracle's SNI form. */
    private static final class SniKeyManager extends X509ExtendedKeyManager {
        private final TestCertificate plain;
        private final TestCertificate sni;

        SniKeyManager(TestCertificate plain, TestCertificate sni) {
            this.plain = plain;
            this.sni = sni;
        }

        private String alias(SSLSession handshake) {
            String name = handshake == null ? null : sniOf(handshake);
            return name != null && ORACLE_SNI.matcher(name).matches() ? "sni" : "plain";
        }

        private TestCertificate cert(String alias) {
            return "sni".equals(alias) ? sni : plain;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            if (!"RSA".equals(keyType) && !"RSASSA-PSS".equals(keyType)) {
                return null;
            }
            return alias(socket instanceof SSLSocket s ? s.getHandshakeSession() : null);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            if (!"RSA".equals(keyType) && !"RSASSA-PSS".equals(keyType)) {
                return null;
            }
            return alias(engine.getHandshakeSession());
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return new String[] {"plain", "sni"};
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            List<X509Certificate> chain = cert(alias).chain();
            return chain.toArray(new X509Certificate[0]);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return cert(alias).privateKey();
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }

    /** Fails every client certificate: the "refuse the client certificate" fault. */
    private static final class RejectingTrustManager extends X509ExtendedTrustManager {
        private static CertificateException reject() {
            return new CertificateException("testkit fault: client certificate refused");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw reject();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw reject();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw reject();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw reject();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw reject();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw reject();
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
