package dev.orathin.net.internal.tls;

import dev.orathin.net.IdentityVerdict;
import dev.orathin.net.IdentityVerdict.Mode;
import dev.orathin.net.NetErrorCode;
import dev.orathin.net.NetException;
import dev.orathin.net.Route;
import java.net.InetAddress;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * The server identity check done after every TLS handshake (including the one after the listener
 * hand-off), in Oracle's three modes (protocol.md §10.2): the full DN given in SSL_SERVER_CERT_DN
 * (compared as a set of RDNs, order-insensitive); DN match on without a DN (the descriptor's host
 * against SAN DNS/IP entries, then the CN, with a wildcard in the first label); and the weak mode
 * (service name equal to the CN). The JDK's own host name check is not used.
 */
public final class ServerIdentity {

    private ServerIdentity() {
    }

    /**
     * Checks {@code cert} for {@code route}.
     *
     * @param step the handshake step, for the message ("TLS", "TLS after hand-off")
     * @throws NetException OTN-3022 or OTN-3023 naming what was expected and what the certificate has
     */
    public static void check(X509Certificate cert, Route route, String step) {
        IdentityVerdict v = verify(cert, route);
        if (!v.ok()) {
            throw failure(v, route, step);
        }
    }

    /** The verdict for {@code cert} under {@code route}'s rules (SSL_SERVER_CERT_DN, DN match, weak mode); never throws. */
    public static IdentityVerdict verify(X509Certificate cert, Route route) {
        Route.TlsOptions tls = route.tls();
        String subject = cert.getSubjectX500Principal().getName(X500Principal.RFC2253);
        if (tls.serverCertDn() != null && !tls.serverCertDn().isBlank()) {
            return new IdentityVerdict(Mode.CERT_DN, tls.serverCertDn(), "subject \"" + subject + "\" (SANs " + sans(cert) + ")",
                    sameDn(tls.serverCertDn(), subject));
        }
        String actual = "subject \"" + subject + "\", SANs " + sans(cert);
        if (!tls.serverDnMatch()) {
            return new IdentityVerdict(Mode.OFF, "", actual, true);
        }
        if (hostMatches(route.host(), cert)) {
            return new IdentityVerdict(Mode.HOST, route.host(), actual, true);
        }
        if (tls.weakDnMatch() && route.serviceName() != null && route.serviceName().equalsIgnoreCase(commonName(subject))) {
            return new IdentityVerdict(Mode.WEAK_SERVICE, route.serviceName(), actual, true);
        }
        return new IdentityVerdict(Mode.HOST, route.host(), actual, false);
    }

    /** The exception for a failed verdict: expected, found, and the fix, in one sentence. */
    public static NetException failure(IdentityVerdict v, Route route, String step) {
        if (v.mode() == Mode.CERT_DN) {
            return new NetException(NetErrorCode.TLS_DN_MISMATCH, route + " [" + step + "]: expected server DN \"" + v.expected()
                    + "\" but the certificate's " + v.actual());
        }
        return new NetException(NetErrorCode.TLS_HOST_MISMATCH, route + " [" + step + "]: host \"" + v.expected()
                + "\" does not match the server certificate: " + v.actual()
                + "; set SSL_SERVER_CERT_DN to the expected subject or SSL_SERVER_DN_MATCH=no to skip this check");
    }

    /** True when both DNs hold the same set of RDNs (order-insensitive, case rules of RFC 4517). */
    public static boolean sameDn(String expected, String actual) {
        try {
            return new HashSet<>(new LdapName(expected).getRdns()).equals(new HashSet<>(new LdapName(actual).getRdns()));
        } catch (InvalidNameException | IllegalArgumentException e) {
            return false;
        }
    }

    /** True when {@code host} matches a SAN entry, or the CN when the certificate has no DNS SAN. */
    public static boolean hostMatches(String host, X509Certificate cert) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        boolean ipLiteral = isIpLiteral(h);
        List<String> dns = new ArrayList<>();
        for (List<?> san : sanEntries(cert)) {
            int type = (Integer) san.get(0);
            String value = String.valueOf(san.get(1)).toLowerCase(Locale.ROOT);
            if (type == 7 && ipLiteral && sameIp(h, value)) {
                return true;
            }
            if (type == 2) {
                dns.add(value);
            }
        }
        if (ipLiteral) {
            return false;
        }
        for (String name : dns) {
            if (nameMatches(h, name)) {
                return true;
            }
        }
        if (dns.isEmpty()) {
            String cn = commonName(cert.getSubjectX500Principal().getName(X500Principal.RFC2253));
            return cn != null && nameMatches(h, cn.toLowerCase(Locale.ROOT));
        }
        return false;
    }

    /**
     * A certificate name matches a host when equal, or when the certificate's first label holds one
     * {@code *} (alone, or with a prefix and/or suffix) and the rest of both names is equal; a
     * wildcard name needs at least three labels.
     */
    static boolean nameMatches(String host, String pattern) {
        if (host.equals(pattern)) {
            return true;
        }
        int hd = host.indexOf('.');
        int pd = pattern.indexOf('.');
        if (hd < 0 || pd < 0 || !host.substring(hd).equals(pattern.substring(pd))) {
            return false;
        }
        String label = pattern.substring(0, pd);
        if (pattern.indexOf('.', pd + 1) < 0) {
            return false; // a wildcard needs at least three labels: never "*.com" (RFC 6125 §6.4.3)
        }
        int star = label.indexOf('*');
        if (star < 0 || label.indexOf('*', star + 1) >= 0) {
            return false;
        }
        String hostLabel = host.substring(0, hd);
        String prefix = label.substring(0, star);
        String suffix = label.substring(star + 1);
        return hostLabel.length() >= prefix.length() + suffix.length() && hostLabel.startsWith(prefix) && hostLabel.endsWith(suffix);
    }

    private static String commonName(String dn) {
        try {
            for (Rdn rdn : new LdapName(dn).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return null;
    }

    private static Collection<List<?>> sanEntries(X509Certificate cert) {
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            return sans == null ? List.of() : sans;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    private static List<String> sans(X509Certificate cert) {
        List<String> out = new ArrayList<>();
        for (List<?> san : sanEntries(cert)) {
            int type = (Integer) san.get(0);
            if (type == 2 || type == 7) {
                out.add((type == 2 ? "DNS:" : "IP:") + san.get(1));
            }
        }
        return out;
    }

    private static boolean isIpLiteral(String h) {
        return h.matches("[0-9.]+") || h.contains(":");
    }

    private static boolean sameIp(String a, String b) {
        try {
            Set<InetAddress> x = Set.of(InetAddress.getByName(a));
            return x.contains(InetAddress.getByName(b));
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
