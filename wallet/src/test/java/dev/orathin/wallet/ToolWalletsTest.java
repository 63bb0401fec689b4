package dev.orathin.wallet;

import static dev.orathin.wallet.TestSupport.assertKeySignsForCert;
import static dev.orathin.wallet.TestSupport.assertWalletError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wallets made by {@code openssl} and {@code keytool} (non-Oracle PKCS#12 and PEM variants),
 * compared with what those tools write out themselves. Skipped visibly when a tool is missing.
 */
@Timeout(300)
class ToolWalletsTest {

    private static final String PW = "Tool#Passw0rd";

    @TempDir
    Path dir;

    private String openssl(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        return OraclePki.run(dir, cmd);
    }

    private X509Certificate cert(String file) throws Exception {
        try (var in = Files.newInputStream(dir.resolve(file))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** The key as openssl writes it in clear PKCS#8 DER, decoded by the JDK. */
    private PrivateKey opensslKey(String keyFile, String alg) throws Exception {
        openssl("pkcs8", "-topk8", "-nocrypt", "-in", keyFile, "-outform", "DER", "-out", keyFile + ".der");
        return KeyFactory.getInstance(alg).generatePrivate(
                new PKCS8EncodedKeySpec(Files.readAllBytes(dir.resolve(keyFile + ".der"))));
    }

    private static void assertSame(Wallet w, PrivateKey key, X509Certificate cert) throws Exception {
        assertArrayEquals(cert.getEncoded(), w.certificateChain().get(0).getEncoded(), w.description());
        assertArrayEquals(key.getEncoded(), w.privateKey().orElseThrow().getEncoded(), w.description());
        assertKeySignsForCert(w.privateKey().orElseThrow(), w.certificateChain().get(0));
    }

    @Test
    void opensslPkcs12AndPemVariants() throws Exception {
        Assumptions.assumeTrue(OraclePki.available("openssl"), "openssl CLI not installed: openssl wallets not tested");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-keyout", "rsa.pem", "-nodes", "-out", "rsa.crt", "-subj",
                "/CN=openssl rsa", "-days", "30");
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-keyout", "ec.pem", "-nodes",
                "-out", "ec.crt", "-subj", "/CN=openssl ec", "-days", "30");
        for (String[] kc : new String[][] {{"rsa", "RSA"}, {"ec", "EC"}}) {
            String k = kc[0];
            PrivateKey key = opensslKey(k + ".pem", kc[1]);
            X509Certificate cert = cert(k + ".crt");
            openssl("pkcs12", "-export", "-inkey", k + ".pem", "-in", k + ".crt", "-passout", "pass:" + PW,
                    "-out", k + "-aes.p12");
            openssl("pkcs12", "-export", "-legacy", "-inkey", k + ".pem", "-in", k + ".crt", "-passout", "pass:" + PW,
                    "-out", k + "-legacy.p12");
            openssl("pkcs12", "-export", "-certpbe", "PBE-SHA1-3DES", "-keypbe", "PBE-SHA1-3DES", "-macalg", "sha1",
                    "-inkey", k + ".pem", "-in", k + ".crt", "-passout", "pass:" + PW, "-out", k + "-3des.p12");
            for (String p12 : List.of("-aes.p12", "-legacy.p12", "-3des.p12")) {
                Wallet w = Wallets.load(dir.resolve(k + p12), PW.toCharArray());
                assertEquals(WalletFormat.PKCS12, w.format());
                assertSame(w, key, cert);
                assertWalletError(WalletErrorCode.WRONG_PASSWORD,
                        () -> Wallets.load(dir.resolve(k + p12), "wrong".toCharArray()), "wrong password");
            }
            openssl("pkcs8", "-topk8", "-v1", "PBE-SHA1-3DES", "-iter", "10000", "-in", k + ".pem", "-passout",
                    "pass:" + PW, "-out", k + "-3des-key.pem");
            openssl("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA256", "-in", k + ".pem",
                    "-passout", "pass:" + PW, "-out", k + "-aes-key.pem");
            // PKCS#1 "RSA PRIVATE KEY" / SEC1 "EC PRIVATE KEY" (openssl ec writes SEC1 by default).
            if (k.equals("rsa")) {
                openssl("rsa", "-in", k + ".pem", "-traditional", "-out", k + "-trad-key.pem");
            } else {
                openssl("ec", "-in", k + ".pem", "-out", k + "-trad-key.pem");
            }
            assertTrue(Files.readString(dir.resolve(k + "-trad-key.pem")).contains(k.toUpperCase() + " PRIVATE KEY"));
            openssl("pkcs12", "-in", k + "-aes.p12", "-passin", "pass:" + PW, "-nodes", "-out", k + "-export.pem");
            String crt = Files.readString(dir.resolve(k + ".crt"));
            for (String f : List.of("-3des-key.pem", "-aes-key.pem", "-trad-key.pem", "-export.pem")) {
                String text = f.equals("-export.pem") ? Files.readString(dir.resolve(k + f))
                        : Files.readString(dir.resolve(k + f)) + crt;
                Wallet w = Wallets.fromText(text, PW.toCharArray());
                assertEquals(WalletFormat.PEM, w.format());
                assertSame(w, key, cert);
            }
            assertWalletError(WalletErrorCode.WRONG_PASSWORD, () -> Wallets.fromText(
                    Files.readString(dir.resolve(k + "-aes-key.pem")) + crt, "wrong".toCharArray()), "wrong password");
        }
        // A certificates-only PEM is a trust-only wallet (one-way TLS), like python-oracledb.
        Wallet certsOnly = Wallets.fromText(Files.readString(dir.resolve("rsa.crt")), null);
        assertTrue(certsOnly.privateKey().isEmpty());
        assertWalletError(WalletErrorCode.NO_PRIVATE_KEY, certsOnly::requireClientKey, "found no key", "1 certificate");
    }

    @Test
    void keytoolPkcs12MatchesTheJdkReading() throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Assumptions.assumeTrue(Files.isExecutable(Path.of(keytool)), "keytool not in java.home: not tested");
        for (String[] k : new String[][] {{"RSA", "-keysize", "2048"}, {"EC", "-groupname", "secp384r1"}}) {
            String ks = "ks-" + k[0] + ".p12";
            OraclePki.run(dir, List.of(keytool, "-genkeypair", "-alias", "mykey", "-keyalg", k[0], k[1], k[2],
                    "-dname", "CN=keytool " + k[0], "-validity", "30", "-storetype", "PKCS12", "-keystore", ks,
                    "-storepass", PW, "-keypass", PW));
            OraclePki.run(dir, List.of(keytool, "-exportcert", "-alias", "mykey", "-keystore", ks, "-storepass", PW,
                    "-file", "mykey-" + k[0] + ".der"));
            OraclePki.run(dir, List.of(keytool, "-importcert", "-noprompt", "-alias", "ca", "-file",
                    "mykey-" + k[0] + ".der", "-keystore", "trust-" + ks, "-storepass", PW, "-storetype", "PKCS12"));
            KeyStore jdk = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(dir.resolve(ks))) {
                jdk.load(in, PW.toCharArray());
            }
            Wallet w = Wallets.load(dir.resolve(ks), PW.toCharArray());
            assertSame(w, (PrivateKey) jdk.getKey("mykey", PW.toCharArray()), cert("mykey-" + k[0] + ".der"));
            assertEquals("mykey", w.keyEntries().get(0).alias());
            Wallet trust = Wallets.load(dir.resolve("trust-" + ks), PW.toCharArray());
            assertEquals(List.of(cert("mykey-" + k[0] + ".der")), trust.trustedCertificates());
        }
    }
}
