package dev.orathin.wallet;

import static dev.orathin.wallet.Fixtures.PW;
import static dev.orathin.wallet.TestSupport.assertKeySignsForCert;
import static dev.orathin.wallet.TestSupport.assertMatchesOracle;
import static dev.orathin.wallet.TestSupport.assertWalletError;
import static dev.orathin.wallet.TestSupport.fp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wallets made by Oracle's orapki at test time, read by orathin and compared with what orapki
 * itself reports ({@code wallet display -complete}).
 */
@Timeout(600)
class OracleWalletsTest {

    @TempDir
    static Path tmp;
    static Fixtures fx;

    @BeforeAll
    static void generate() throws Exception {
        fx = new Fixtures(tmp).generateAll();
    }

    private static char[] pw() {
        return PW.toCharArray();
    }

    @Test
    void rsaClientInEveryContainerMatchesOrapki() throws Exception {
        OraclePki.Display d = OraclePki.display(tmp, "client", PW);
        Wallet pem = Wallets.load(fx.dir("client"), pw());
        Wallet sso = Wallets.load(fx.dir("client"), null);
        Wallet p12 = Wallets.load(fx.dir("client").resolve("ewallet.p12"), pw());
        assertEquals(WalletFormat.PEM, pem.format());
        assertTrue(pem.description().contains("ewallet.pem"), pem.description());
        assertEquals(WalletFormat.SSO, sso.format());
        assertTrue(sso.description().contains("cwallet.sso"), sso.description());
        assertEquals(WalletFormat.PKCS12, p12.format());
        for (Wallet w : List.of(pem, sso, p12)) {
            assertMatchesOracle(w, d);
            List<X509Certificate> chain = w.certificateChain();
            assertEquals(2, chain.size(), w.description());
            assertEquals(Fixtures.CLIENT_DN,
                    chain.get(0).getSubjectX500Principal().getName());
            assertEquals(fp(w.trustedCertificates().get(0)), fp(chain.get(1)));
            assertEquals("RSA", w.privateKey().orElseThrow().getAlgorithm());
            assertArrayEquals(pem.privateKey().orElseThrow().getEncoded(), w.privateKey().orElseThrow().getEncoded());
        }
        byte[] exported = Files.readAllBytes(tmp.resolve("client.crt"));
        assertEquals(fp(Wallets.fromBytes(exported, null).trustedCertificates().get(0)), fp(p12.certificateChain().get(0)));
    }

    @Test
    void secureExternalPasswordStoreCredentials() {
        for (Wallet w : List.of(Wallets.load(fx.dir("client"), null),
                Wallets.load(fx.dir("client").resolve("ewallet.p12"), pw()))) {
            StoredCredential c = w.credentials("mydb_high").orElseThrow();
            assertEquals("scott", c.user());
            assertArrayEquals("tiger#Secret1".toCharArray(), c.password());
            assertFalse(c.toString().contains("tiger"));
            assertFalse(w.description().contains("tiger"));
            assertTrue(w.credentials("other").isEmpty());
            assertEquals(List.of("mydb_high"), w.credentialConnectStrings());
        }
    }

    @Test
    void eccAndRsa4096() throws Exception {
        for (String[] c : new String[][] {{"ec256", "EC", "256"}, {"ec384", "EC", "384"}, {"rsa4096", "RSA", "4096"}}) {
            OraclePki.Display d = OraclePki.display(tmp, c[0], PW);
            for (Wallet w : List.of(Wallets.load(fx.dir(c[0]), null), Wallets.load(fx.dir(c[0]), pw()))) {
                assertMatchesOracle(w, d);
                assertEquals(c[1], w.privateKey().orElseThrow().getAlgorithm());
                WalletDescription.Entry e = w.describe().entries().get(0);
                assertEquals(WalletDescription.Role.KEY, e.role());
                assertEquals(Integer.parseInt(c[2]), e.keySize());
                assertEquals(d.user().get(0), e.sha256());
            }
        }
    }

    @Test
    void trustOnlyWallet() throws Exception {
        Wallet w = Wallets.load(fx.dir("trustonly"), null);
        assertMatchesOracle(w, OraclePki.display(tmp, "trustonly", PW));
        assertTrue(w.privateKey().isEmpty());
        assertEquals(1, w.trustedCertificates().size());
        assertWalletError(WalletErrorCode.NO_PRIVATE_KEY, w::requireClientKey, "trustonly", "private key");
        w.sslContext();
    }

    @Test
    void severalUserCertificatesNeedASelection() throws Exception {
        OraclePki.Display d = OraclePki.display(tmp, "multi", PW);
        Wallet w = Wallets.load(fx.dir("multi"), pw());
        assertMatchesOracle(w, d);
        assertEquals(2, w.keyEntries().size());
        assertWalletError(WalletErrorCode.AMBIGUOUS_KEY, w::privateKey, "2 private keys", "CN=first", "CN=second");
        assertWalletError(WalletErrorCode.AMBIGUOUS_KEY, w::sslContext);
        for (KeyEntry e : w.keyEntries()) {
            Wallet byAlias = w.select(CertificateSelector.alias(e.alias()));
            assertEquals(e.certificate(), byAlias.certificateChain().get(0));
            Wallet bySha256 = w.select(CertificateSelector.sha256(fp(e.certificate())));
            assertEquals(e.certificate(), bySha256.certificateChain().get(0));
            String sha1 = java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-1").digest(e.certificate().getEncoded()));
            assertEquals(e.privateKey(), w.select(CertificateSelector.sha1(sha1)).privateKey().orElseThrow());
            assertKeySignsForCert(byAlias.privateKey().orElseThrow(), byAlias.certificateChain().get(0));
        }
        assertWalletError(WalletErrorCode.SELECTION_NOT_FOUND, () -> w.select(CertificateSelector.alias("nope")),
                "nope", w.keyEntries().get(0).alias());
    }

    @Test
    void compatV12Wallet() throws Exception {
        OraclePki.Display d = OraclePki.display(tmp, "compat", PW);
        assertMatchesOracle(Wallets.load(fx.dir("compat"), null), d);
        assertMatchesOracle(Wallets.load(fx.dir("compat"), pw()), d);
    }

    @Test
    void autoLoginOnlyWallet() throws Exception {
        assertTrue(Files.notExists(fx.dir("alo").resolve("ewallet.p12")));
        assertEquals('7', Files.readAllBytes(fx.dir("alo").resolve("cwallet.sso"))[3]);
        Wallet w = Wallets.load(fx.dir("alo"), null);
        assertEquals(WalletFormat.SSO, w.format());
        assertMatchesOracle(w, OraclePki.display(tmp, "alo", null));
        assertEquals(Wallets.load(fx.dir("client"), null).certificateChain(), w.certificateChain());
        assertEquals(Wallets.load(fx.dir("alo"), pw()).description(), w.description());
    }

    @Test
    void localAutoLoginIsRejectedButItsP12Opens() throws Exception {
        assertWalletError(WalletErrorCode.LOCAL_AUTO_LOGIN, () -> Wallets.load(fx.dir("local"), null),
                "cwallet.sso", "bound to the machine");
        assertMatchesOracle(Wallets.load(fx.dir("local"), pw()), OraclePki.display(tmp, "local", PW));
    }

    @Test
    void nonAsciiPassword() throws Exception {
        OraclePki.Display d = OraclePki.display(tmp, "nonascii", Fixtures.NON_ASCII_PW);
        assertMatchesOracle(Wallets.load(fx.dir("nonascii"), Fixtures.NON_ASCII_PW.toCharArray()), d);
        assertMatchesOracle(Wallets.load(fx.dir("nonascii"), null), d);
        assertWalletError(WalletErrorCode.WRONG_PASSWORD,
                () -> Wallets.load(fx.dir("nonascii"), "pass word1 AOU".toCharArray()), "wrong password");
    }

    @Test
    void wrongPasswordSaysSoWithoutTheSecret() {
        String bad = "NotThePassword9";
        WalletException p12 = assertWalletError(WalletErrorCode.WRONG_PASSWORD,
                () -> Wallets.load(fx.dir("client").resolve("ewallet.p12"), bad.toCharArray()), "wrong password",
                "ewallet.p12");
        WalletException pem = assertWalletError(WalletErrorCode.WRONG_PASSWORD,
                () -> Wallets.load(fx.dir("client"), bad.toCharArray()), "wrong password", "ewallet.pem");
        for (WalletException e : List.of(p12, pem)) {
            assertFalse(e.getMessage().contains(bad));
            assertFalse(e.getMessage().contains(PW));
            assertFalse(e.getMessage().toLowerCase().contains("padding exception"));
        }
    }

    @Test
    void passwordRequiredAndMissingFiles(@TempDir Path d) throws Exception {
        Path onlyP12 = Files.createDirectory(d.resolve("p12only"));
        Files.copy(fx.dir("client").resolve("ewallet.p12"), onlyP12.resolve("ewallet.p12"));
        assertWalletError(WalletErrorCode.PASSWORD_REQUIRED, () -> Wallets.load(onlyP12, null), "ewallet.p12",
                "cwallet.sso");
        Path onlyPem = Files.createDirectory(d.resolve("pemonly"));
        Files.copy(fx.dir("client").resolve("ewallet.pem"), onlyPem.resolve("ewallet.pem"));
        assertWalletError(WalletErrorCode.PASSWORD_REQUIRED, () -> Wallets.load(onlyPem, null), "ewallet.pem");
        assertWalletError(WalletErrorCode.PASSWORD_REQUIRED,
                () -> Wallets.load(onlyPem.resolve("ewallet.pem"), null), "ewallet.pem");
        assertEquals(WalletFormat.PKCS12, Wallets.load(onlyP12, pw()).format());
        Path empty = Files.createDirectory(d.resolve("empty"));
        assertWalletError(WalletErrorCode.WALLET_NOT_FOUND, () -> Wallets.load(empty, pw()),
                empty.resolve("ewallet.pem").toString(), empty.resolve("ewallet.p12").toString(),
                empty.resolve("cwallet.sso").toString());
        assertWalletError(WalletErrorCode.WALLET_NOT_FOUND, () -> Wallets.load(empty, null),
                empty.resolve("cwallet.sso").toString(), empty.resolve("cwallet.pem").toString(),
                empty.resolve("ewallet.pem").toString());
        assertWalletError(WalletErrorCode.WALLET_NOT_FOUND, () -> Wallets.load(d.resolve("nowhere"), null), "nowhere");
    }

    @Test
    void keyCertificateMismatch() throws Exception {
        String key = Files.readString(tmp.resolve("client-key.pem"));
        String serverCert = Files.readString(tmp.resolve("server.crt"));
        assertWalletError(WalletErrorCode.KEY_CERTIFICATE_MISMATCH,
                () -> Wallets.fromText(key + "\n" + serverCert, pw()), "CN=localhost", "RSA 2048");
        Wallet client = Wallets.load(fx.dir("client"), null);
        Wallet server = Wallets.load(fx.dir("server"), null);
        Wallet mixed = Wallet.of(client.privateKey().orElseThrow(), server.certificateChain(),
                server.trustedCertificates());
        assertTrue(mixed.describe().warnings().stream().anyMatch(w -> w.contains("does not match")),
                mixed.describe().toString());
        assertTrue(client.describe().warnings().isEmpty());
    }

    @Test
    void adbStyleZip(@TempDir Path d) throws Exception {
        byte[] zip = fx.adbZip();
        WalletZip z = WalletZip.read(zip);
        assertEquals(WalletFormat.SSO, z.wallet().format());
        assertTrue(z.wallet().source().endsWith("!/cwallet.sso"), z.wallet().source());
        assertTrue(z.tnsnames().orElseThrow().contains("mydb_high"));
        assertTrue(z.sqlnet().orElseThrow().contains("WALLET_LOCATION"));
        OraclePki.Display disp = OraclePki.display(tmp, "client", PW);
        assertMatchesOracle(z.wallet(), disp);
        Path file = d.resolve("Wallet_mydb.zip");
        Files.write(file, zip);
        WalletZip withPw = WalletZip.open(file, pw());
        assertEquals(WalletFormat.PEM, withPw.wallet().format());
        assertMatchesOracle(withPw.wallet(), disp);
        assertMatchesOracle(Wallets.load(file, null), disp);
        assertMatchesOracle(Wallets.fromBytes(zip, pw()), disp);
        java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zo = new java.util.zip.ZipOutputStream(bos)) {
            zo.putNextEntry(new java.util.zip.ZipEntry("tnsnames.ora"));
            zo.write("x = (description=)".getBytes());
            zo.closeEntry();
        }
        assertWalletError(WalletErrorCode.ZIP_WITHOUT_WALLET, () -> WalletZip.read(bos.toByteArray()), "tnsnames.ora");
    }

    @Test
    void inMemoryForms() throws Exception {
        OraclePki.Display d = OraclePki.display(tmp, "client", PW);
        byte[] sso = Files.readAllBytes(fx.dir("client").resolve("cwallet.sso"));
        byte[] p12 = Files.readAllBytes(fx.dir("client").resolve("ewallet.p12"));
        String pem = Files.readString(fx.dir("client").resolve("ewallet.pem"));
        assertMatchesOracle(Wallets.fromBytes(sso, null), d);
        assertMatchesOracle(Wallets.fromBytes(p12, pw()), d);
        assertMatchesOracle(Wallets.fromText(pem, pw()), d);
        assertMatchesOracle(Wallets.fromText(Base64.getMimeEncoder().encodeToString(sso), null), d);
        assertMatchesOracle(Wallets.fromText("data:;base64," + Base64.getEncoder().encodeToString(p12), pw()), d);
        assertMatchesOracle(Wallets.fromText("data:application/x-pkcs12;base64,"
                + Base64.getEncoder().encodeToString(pem.getBytes()), pw()), d);
        assertWalletError(WalletErrorCode.UNRECOGNISED_FORMAT, () -> Wallets.fromText("not a wallet!", null));
        assertWalletError(WalletErrorCode.UNRECOGNISED_FORMAT, () -> Wallets.fromText("data:text/plain,abc", null));
    }

    @Test
    void describeListsEntriesAndWarnsAboutExpiry() {
        Wallet w = Wallets.load(fx.dir("client"), null);
        WalletDescription now = w.describe();
        assertEquals(3, now.entries().size(), now.toString()); // leaf, CA in chain, CA trusted
        assertTrue(now.warnings().isEmpty(), now.toString());
        WalletDescription.Entry leaf = now.entries().get(0);
        assertEquals("orakey", leaf.alias());
        assertEquals("64", leaf.serial()); // orapki -serial_num 100
        assertEquals("RSA", leaf.keyType());
        assertEquals(2048, leaf.keySize());
        assertTrue(now.toString().contains("CN=client"), now.toString());
        assertTrue(now.toString().contains("mydb_high"));
        Instant soon = w.certificateChain().get(0).getNotAfter().toInstant().minus(10, ChronoUnit.DAYS);
        assertTrue(w.describe(soon).warnings().stream().anyMatch(s -> s.contains("expires")), w.describe(soon).toString());
        Instant later = w.certificateChain().get(0).getNotAfter().toInstant().plus(1, ChronoUnit.DAYS);
        assertTrue(w.describe(later).warnings().stream().anyMatch(s -> s.contains("expired")));
    }

    @Test
    void systemTrust() {
        Wallet s = Wallets.system();
        assertEquals(WalletFormat.SYSTEM, s.format());
        assertTrue(s.privateKey().isEmpty());
        assertFalse(s.trustedCertificates().isEmpty());
        s.sslContext();
    }

    @Test
    @Timeout(60)
    void mutualTlsBetweenClientAndServerWallets() throws Exception {
        Wallet client = Wallets.load(fx.dir("client"), null);
        Wallet server = Wallets.load(fx.dir("server"), pw());
        TlsLoop.handshake(client, server);
        io.netty.handler.ssl.SslContext netty = io.netty.handler.ssl.SslContextBuilder.forClient()
                .keyManager(client.keyManagerFactory()).trustManager(client.trustManagerFactory()).build();
        assertTrue(netty.isClient());
    }
}
