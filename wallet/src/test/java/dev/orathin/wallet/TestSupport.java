package dev.orathin.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.function.Executable;

/** Assertions shared by the wallet tests. */
final class TestSupport {

    private TestSupport() {
    }

    /** SHA-256 of the encoding in orapki's display format (upper-case hex, colons). */
    static String fp(X509Certificate c) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<String> fps(List<X509Certificate> certs) {
        return certs.stream().map(TestSupport::fp).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The key signs what the certificate verifies. */
    static void assertKeySignsForCert(PrivateKey key, X509Certificate cert) throws Exception {
        String alg = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        byte[] msg = "orathin wallet test".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Signature s = Signature.getInstance(alg);
        s.initSign(key);
        s.update(msg);
        byte[] sig = s.sign();
        Signature v = Signature.getInstance(alg);
        v.initVerify(cert.getPublicKey());
        v.update(msg);
        assertTrue(v.verify(sig), "signature by the loaded key verifies with the loaded certificate");
    }

    /** Our key/chain/trust equal what orapki reports for the wallet. */
    static void assertMatchesOracle(Wallet w, OraclePki.Display d) throws Exception {
        assertTrue(!d.user().isEmpty() || !d.trusted().isEmpty(), "orapki reported no certificates: " + d);
        assertEquals(new TreeSet<>(d.trusted()), fps(w.trustedCertificates()), "trusted certificates");
        assertEquals(new TreeSet<>(d.user()), w.keyEntries().stream().map(e -> fp(e.certificate()))
                .collect(Collectors.toCollection(TreeSet::new)), "user certificates");
        for (KeyEntry e : w.keyEntries()) {
            assertKeySignsForCert(e.privateKey(), e.certificate());
        }
    }

    /** Asserts a WalletException with {@code code} whose message contains every {@code parts}. */
    static WalletException assertWalletError(WalletErrorCode code, Executable ex, String... parts) {
        WalletException e = assertThrows(WalletException.class, ex);
        assertEquals(code, e.errorCode(), e.getMessage());
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message '" + e.getMessage() + "' should contain '" + p + "'");
        }
        return e;
    }
}
