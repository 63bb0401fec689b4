package dev.orathin.examples.cli;

import dev.orathin.examples.cli.Doctor.Status;
import dev.orathin.examples.cli.Doctor.Step;
import dev.orathin.errors.OrathinException;
import dev.orathin.net.NetErrorCode;
import dev.orathin.net.NetException;
import dev.orathin.wallet.Wallet;
import java.security.cert.X509Certificate;
import java.util.List;

/** What the doctor says about a failure: the step, the likely cause and the fix, by the driver's error code. */
final class DoctorAdvice {

    private DoctorAdvice() {
    }

    static Step ok(String scope, String name, Status status, long millis, String detail) {
        return new Step(scope, name, status, millis, detail, null, null, null);
    }

    /** A FAIL step for the driver's error: its code, and its message without the code and the route repeated. */
    static Step failStep(String scope, String name, OrathinException e, long millis, String prefix, String cause, String fix) {
        String message = String.valueOf(e.detail());
        int tag = message.indexOf("]: ");
        if (message.startsWith(scope + " [") && tag > 0) {
            message = message.substring(tag + 3);
        }
        return new Step(scope, name, Status.FAIL, millis, prefix + message, cause, fix, e.code());
    }

    /** The likely cause and the fix of a failed TLS handshake, by the driver's code. */
    record Advice(String cause, String fix) {
        static Advice tls(Object code) {
            if (!(code instanceof NetErrorCode c)) {
                return new Advice("the TLS handshake failed", "see the message");
            }
            return switch (c) {
                case TLS_UNTRUSTED_SERVER -> new Advice("the server certificate is not issued by a CA this wallet trusts (wrong wallet, or a"
                        + " TLS-inspecting proxy replaced the certificate)", "use the wallet downloaded for this database; compare its"
                        + " trusted certificates (`orathin wallet show`) with the server's");
                case TLS_CERT_EXPIRED -> new Advice("the server certificate is expired or not yet valid (or this machine's clock is wrong)",
                        "check the system clock; if it is right the server's certificate must be renewed");
                case TLS_CLIENT_REJECTED -> new Advice("the server rejected the client certificate (not from this database's wallet, revoked,"
                        + " or none sent)", "download the current wallet for this database; the wallet must hold a private key"
                        + " (`orathin wallet check`)");
                case CONNECT_TIMEOUT, OVERALL_TIMEOUT -> new Advice("the server does not speak TLS on this port, or a middlebox holds the"
                        + " connection", "check that the address is TCPS (ADB: port 1522) and PROTOCOL=tcps");
                default -> new Advice("the server closed the connection during the handshake, or does not speak TLS here",
                        "check PROTOCOL=tcps and the port; with SSL_VERSION set, try without it");
            };
        }
    }

    static String answer(NetException e) {
        if (e.errorCode() instanceof NetErrorCode c) {
            return switch (c) {
                case LISTENER_REFUSED, SERVICE_NOT_REGISTERED, SID_NOT_KNOWN -> "REFUSE: ";
                case TOO_MANY_REDIRECTS -> "REDIRECT loop: ";
                default -> "";
            };
        }
        return "";
    }

    static String netCause(Object code) {
        if (code instanceof NetErrorCode c) {
            return switch (c) {
                case SERVICE_NOT_REGISTERED -> "the listener does not know this service (ORA-12514): wrong SERVICE_NAME, or the database is stopped";
                case SID_NOT_KNOWN -> "the listener does not know this SID (ORA-12505)";
                case LISTENER_REFUSED -> "the listener refused the connection";
                case TOO_MANY_REDIRECTS -> "the listener keeps redirecting";
                case NATIVE_ENCRYPTION_REQUIRED -> "the server requires Native Network Encryption, which orathin does not implement";
                case CONNECT_TIMEOUT, RECV_TIMEOUT, OVERALL_TIMEOUT -> "the server accepted TCP/TLS but did not answer the Oracle Net CONNECT in time";
                case TLS_CLIENT_REJECTED -> "the server rejected the client certificate after the handshake (TLS 1.3 reports it late)";
                case TLS_UNTRUSTED_SERVER, TLS_HOST_MISMATCH, TLS_DN_MISMATCH, TLS_CERT_EXPIRED, TLS_HANDSHAKE_FAILED ->
                        "a TLS check failed when the driver connected (see the message)";
                default -> "the Oracle Net connect failed";
            };
        }
        return "the Oracle Net connect failed";
    }

    static String netFix(Object code) {
        if (code instanceof NetErrorCode c) {
            return switch (c) {
                case SERVICE_NOT_REGISTERED, SID_NOT_KNOWN -> "check SERVICE_NAME in the alias against the wallet of this database;"
                        + " ADB: make sure the database is started";
                case NATIVE_ENCRYPTION_REQUIRED -> "use a TCPS address (TLS) instead";
                case TLS_CLIENT_REJECTED -> "download the current wallet for this database; `orathin wallet check` shows the client certificate";
                case CONNECT_TIMEOUT, RECV_TIMEOUT, OVERALL_TIMEOUT -> "check that this port is an Oracle listener; raise CONNECT_TIMEOUT if the"
                        + " link is slow";
                default -> "see the message; `orathin resolve` shows the descriptor that was sent";
            };
        }
        return "see the message";
    }

    static String subjects(List<X509Certificate> chain) {
        return chain.stream().map(c -> c.getSubjectX500Principal().getName()).toList().toString();
    }

    static String anchor(List<X509Certificate> chain, Wallet wallet) {
        if (chain.isEmpty()) {
            return "unknown";
        }
        X509Certificate last = chain.get(chain.size() - 1);
        List<X509Certificate> trusted = wallet != null ? wallet.trustedCertificates() : List.of();
        for (X509Certificate c : trusted) {
            if (c.equals(last) || c.getSubjectX500Principal().equals(last.getIssuerX500Principal())) {
                return c.getSubjectX500Principal().getName() + " (wallet)";
            }
        }
        return last.getIssuerX500Principal().getName() + (wallet == null ? " (JDK trust store)" : "");
    }
}
