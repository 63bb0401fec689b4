package dev.orathin.wallet;


import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random, truncated and mutated input of every format must only ever give a
 * {@link WalletException} (or, for a harmless mutation, a wallet). Fixed seeds, bounded iterations.
 */
@Timeout(300)
class FuzzTest {

    @TempDir
    static Path tmp;
    static final Map<String, byte[]> SAMPLES = new LinkedHashMap<>();
    static final char[] PW = Fixtures.PW.toCharArray();

    @BeforeAll
    static void samples() throws Exception {
        String pw = Fixtures.PW;
        OraclePki.orapki(tmp, "wallet", "create", "-wallet", "w", "-pwd", pw, "-auto_login");
        OraclePki.orapki(tmp, "wallet", "add", "-wallet", "w", "-dn", "CN=fuzz", "-self_signed", "-validity", "30",
                "-keysize", "1024", "-pwd", pw);
        OraclePki.orapki(tmp, "secretstore", "create_credential", "-wallet", "w", "-pwd", pw, "-connect_string", "db",
                "-username", "u", "-password", "p#Secret12");
        OraclePki.orapki(tmp, "wallet", "export_private_key", "-wallet", "w", "-pwd", pw, "-alias", "orakey",
                "-pvtkeyfile", "key.pem", "-pvtkeypwd", pw);
        OraclePki.orapki(tmp, "wallet", "export", "-wallet", "w", "-dn", "CN=fuzz", "-cert", "c.crt", "-pwd", pw);
        SAMPLES.put("p12", Files.readAllBytes(tmp.resolve("w/ewallet.p12")));
        SAMPLES.put("sso", Files.readAllBytes(tmp.resolve("w/cwallet.sso")));
        SAMPLES.put("pem", (Files.readString(tmp.resolve("key.pem")) + "\n" + Files.readString(tmp.resolve("c.crt")))
                .getBytes(StandardCharsets.US_ASCII));
        Fixtures zipper = new Fixtures(tmp);
        Files.move(tmp.resolve("w"), tmp.resolve("client"));
        Files.writeString(tmp.resolve("client/ewallet.pem"), new String(SAMPLES.get("pem"), StandardCharsets.US_ASCII));
        SAMPLES.put("zip", zipper.adbZip());
    }

    private static void attempt(String what, byte[] input) {
        try {
            Wallets.fromBytes(input, PW);
            Wallets.fromBytes(input, null);
        } catch (WalletException expected) {
            // the only allowed failure
        } catch (Throwable t) {
            AssertionErrorWithInput.fail(what, input, t);
        }
    }

    @Test
    void truncatedInputOfEveryFormat() {
        SAMPLES.forEach((name, bytes) -> {
            int step = Math.max(1, bytes.length / 150);
            for (int n = 0; n < bytes.length; n += (n < 64 ? 1 : step)) {
                attempt(name + " truncated to " + n, Arrays.copyOf(bytes, n));
            }
        });
    }

    @Test
    void mutatedInputOfEveryFormat() {
        Random r = new Random(20261125L);
        SAMPLES.forEach((name, bytes) -> {
            for (int i = 0; i < 150; i++) {
                byte[] m = bytes.clone();
                int flips = 1 + r.nextInt(4);
                for (int f = 0; f < flips; f++) {
                    // Bias towards the headers, where the structure is decided.
                    int pos = r.nextBoolean() ? r.nextInt(Math.min(200, m.length)) : r.nextInt(m.length);
                    m[pos] = (byte) r.nextInt(256);
                }
                attempt(name + " mutation " + i, m);
            }
        });
    }

    @Test
    void randomInputBehindEachMagic() {
        Random r = new Random(42L);
        byte[][] prefixes = {{}, {(byte) 0xA1, (byte) 0xF8, 0x4E, 0x36, 0, 0, 0, 6, 0, 0, 0, 33, 6},
                {'P', 'K', 3, 4}, {0x30, (byte) 0x82, 0x01, 0x00, 0x02, 0x01, 0x03},
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\n".getBytes(StandardCharsets.US_ASCII),
                "-----BEGIN CERTIFICATE-----\nMII".getBytes(StandardCharsets.US_ASCII)};
        for (byte[] prefix : prefixes) {
            for (int i = 0; i < 200; i++) {
                byte[] rnd = new byte[r.nextInt(600)];
                r.nextBytes(rnd);
                byte[] in = Arrays.copyOf(prefix, prefix.length + rnd.length);
                System.arraycopy(rnd, 0, in, prefix.length, rnd.length);
                attempt("random after prefix " + Arrays.toString(prefix) + " #" + i, in);
            }
        }
        for (int i = 0; i < 200; i++) {
            byte[] rnd = new byte[r.nextInt(300)];
            r.nextBytes(rnd);
            String text = i % 2 == 0 ? Base64.getEncoder().encodeToString(rnd) : "data:;base64," + new String(rnd,
                    StandardCharsets.ISO_8859_1);
            try {
                Wallets.fromText(text, PW);
            } catch (WalletException expected) {
                // allowed
            } catch (Throwable t) {
                AssertionErrorWithInput.fail("text #" + i, rnd, t);
            }
        }
    }

    @Test
    void tamperedAndTruncatedFilesAreReportedAsSuch() {
        byte[] sso = SAMPLES.get("sso").clone();
        sso[sso.length / 2] ^= 0x01;
        TestSupport.assertWalletError(WalletErrorCode.CORRUPT, () -> Wallets.fromBytes(sso, null), "tampered");
        byte[] p12 = SAMPLES.get("p12");
        TestSupport.assertWalletError(WalletErrorCode.CORRUPT,
                () -> Wallets.fromBytes(Arrays.copyOf(p12, p12.length / 2), PW), "PKCS#12");
        byte[] pem = SAMPLES.get("pem");
        TestSupport.assertWalletError(WalletErrorCode.CORRUPT,
                () -> Wallets.fromBytes(Arrays.copyOf(pem, pem.length - 40), PW), "-----END CERTIFICATE-----");
        byte[] zip = SAMPLES.get("zip");
        TestSupport.assertWalletError(WalletErrorCode.CORRUPT,
                () -> WalletZip.read(Arrays.copyOf(zip, 40)), "zip");
    }

    /** Reports the failing input in Base64 so it can be replayed. */
    static final class AssertionErrorWithInput {
        static void fail(String what, byte[] input, Throwable t) {
            AssertionError e = new AssertionError(what + ": expected only WalletException, got " + t
                    + "; input (Base64): " + Base64.getEncoder().encodeToString(input), t);
            throw e;
        }
    }
}
