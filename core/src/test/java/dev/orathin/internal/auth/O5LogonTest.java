package dev.orathin.internal.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.CoreErrorCode;
import dev.orathin.OrathinProtocolException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * O5LOGON against an independent server side written here from protocol.md §6.6 (JDK PBKDF2
 * key factory, not the client's own HMAC loop), so the two halves check each other.
 */
class O5LogonTest {

    static final HexFormat HEX = HexFormat.of().withUpperCase();
    static final SecureRandom RANDOM = new SecureRandom();

    static byte[] aes(int mode, byte[] key, byte[] data) throws Exception {
        Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
        return c.doFinal(data);
    }

    static byte[] jdkPbkdf2(char[] password, byte[] salt, int iterations, int bytes) throws Exception {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(new PBEKeySpec(password, salt, iterations, bytes * 8))
                .getEncoded();
    }

    static byte[] concat(byte[] a, byte[] b) {
        return O5Logon.concat(a, b);
    }

    static byte[] unpad(byte[] b) {
        return Arrays.copyOf(b, b.length - b[b.length - 1]);
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** A 12c server for one user. */
    static final class Server12c {
        final byte[] salt = random(16);
        final byte[] t;
        final byte[] key;
        final byte[] serverSk = random(32);
        final byte[] cskSalt = random(16);

        Server12c(char[] password) throws Exception {
            byte[] pk = jdkPbkdf2(password, concat(salt, "AUTH_PBKDF2_SPEEDY_KEY".getBytes(StandardCharsets.US_ASCII)), 4096, 64);
            t = MessageDigest.getInstance("SHA-512").digest(concat(pk, salt));
            key = Arrays.copyOf(t, 32);
        }

        O5Logon.Challenge challenge() throws Exception {
            return new O5Logon.Challenge(O5Logon.VERIFIER_12C, HEX.formatHex(aes(Cipher.ENCRYPT_MODE, key, serverSk)), HEX.formatHex(salt),
                    HEX.formatHex(cskSalt), 4096, 3);
        }

        /** Returns the combo key if the password checks out, else null. */
        byte[] phaseTwo(O5Logon.Response r, char[] expected) throws Exception {
            byte[] clientSk = aes(Cipher.DECRYPT_MODE, key, HexFormat.of().parseHex(r.sessionKey()));
            String mixed = HEX.formatHex(concat(clientSk, serverSk));
            byte[] combo = jdkPbkdf2(mixed.toCharArray(), cskSalt, 3, 32);
            byte[] k = Arrays.copyOfRange(aes(Cipher.DECRYPT_MODE, combo, HexFormat.of().parseHex(r.speedyKey())), 16, 80);
            boolean speedyOk = Arrays.equals(MessageDigest.getInstance("SHA-512").digest(concat(k, salt)), t);
            byte[] p = unpad(aes(Cipher.DECRYPT_MODE, combo, HexFormat.of().parseHex(r.password())));
            boolean pwOk = new String(p, 16, p.length - 16, StandardCharsets.UTF_8).equals(new String(expected));
            return speedyOk && pwOk ? combo : null;
        }
    }

    @Test
    void twelveCRoundTripWithIndependentServer() throws Exception {
        char[] pw = "Sécret#2026".toCharArray();
        Server12c server = new Server12c(pw);
        O5Logon.Response r = O5Logon.respond(server.challenge(), pw, RANDOM);
        assertEquals(64, r.sessionKey().length());
        assertEquals(160, r.speedyKey().length());
        byte[] combo = server.phaseTwo(r, pw);
        assertArrayEquals(combo, r.comboKey(), "both sides derive the same combo key");
        byte[] svr = aes(Cipher.ENCRYPT_MODE, combo, concat(concat(random(16), "SERVER_TO_CLIENT".getBytes(StandardCharsets.US_ASCII)),
                new byte[] {16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16}));
        O5Logon.verifyServer(r.comboKey(), HEX.formatHex(svr));
        byte[] forged = aes(Cipher.ENCRYPT_MODE, random(32), random(48));
        assertEquals(CoreErrorCode.SERVER_NOT_AUTHENTICATED, assertThrows(OrathinProtocolException.class,
                () -> O5Logon.verifyServer(r.comboKey(), HEX.formatHex(forged))).errorCode());
        String newPw = O5Logon.encryptNewPassword(combo, "N3w!pass".toCharArray(), RANDOM);
        byte[] p = unpad(aes(Cipher.DECRYPT_MODE, combo, HexFormat.of().parseHex(newPw)));
        assertEquals("N3w!pass", new String(p, 16, p.length - 16, StandardCharsets.UTF_8));
        assertEquals("Response[redacted]", r.toString());
    }

    @Test
    void wrongPasswordIsDetectedByTheServer() throws Exception {
        Server12c server = new Server12c("right-one".toCharArray());
        O5Logon.Response r = O5Logon.respond(server.challenge(), "wrong-one".toCharArray(), RANDOM);
        try {
            assertNull(server.phaseTwo(r, "right-one".toCharArray()));
        } catch (javax.crypto.BadPaddingException | StringIndexOutOfBoundsException | NegativeArraySizeException
                | ArrayIndexOutOfBoundsException garbage) {
            // the keys decrypt to garbage: also a rejection
        }
    }

    @Test
    void elevenGRoundTrip() throws Exception {
        char[] pw = "tiger".toCharArray();
        byte[] salt = random(10);
        byte[] s = MessageDigest.getInstance("SHA-1").digest(concat("tiger".getBytes(StandardCharsets.UTF_8), salt));
        byte[] key = Arrays.copyOf(s, 24);
        byte[] serverSk = random(48);
        O5Logon.Challenge c = new O5Logon.Challenge(O5Logon.VERIFIER_11G_1, HEX.formatHex(aes(Cipher.ENCRYPT_MODE, key, serverSk)),
                HEX.formatHex(salt), null, 0, 0);
        O5Logon.Response r = O5Logon.respond(c, pw, RANDOM);
        assertNull(r.speedyKey());
        assertEquals(96, r.sessionKey().length());
        byte[] clientSk = aes(Cipher.DECRYPT_MODE, key, HexFormat.of().parseHex(r.sessionKey()));
        byte[] x = new byte[24];
        for (int i = 0; i < 24; i++) {
            x[i] = (byte) (serverSk[16 + i] ^ clientSk[16 + i]);
        }
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        byte[] combo = Arrays.copyOf(concat(md5.digest(Arrays.copyOf(x, 16)), md5.digest(Arrays.copyOfRange(x, 16, 24))), 24);
        assertArrayEquals(combo, r.comboKey());
        byte[] p = unpad(aes(Cipher.DECRYPT_MODE, combo, HexFormat.of().parseHex(r.password())));
        assertEquals("tiger", new String(p, 16, p.length - 16, StandardCharsets.UTF_8));
    }

    @Test
    void refusals() {
        OrathinProtocolException tenG = assertThrows(OrathinProtocolException.class, () -> O5Logon.respond(
                new O5Logon.Challenge(O5Logon.VERIFIER_10G, "00", "00", null, 0, 0), "x".toCharArray(), RANDOM));
        assertEquals(CoreErrorCode.UNSUPPORTED_VERIFIER, tenG.errorCode());
        assertTrue(tenG.getMessage().contains("10G") && tenG.getMessage().contains("ALLOWED_LOGON_VERSION"), tenG.getMessage());
        OrathinProtocolException bad = assertThrows(OrathinProtocolException.class, () -> O5Logon.respond(
                new O5Logon.Challenge(O5Logon.VERIFIER_12C, "ZZ", "00", "00", 4096, 3), "x".toCharArray(), RANDOM));
        assertEquals(CoreErrorCode.AUTH_PROTOCOL, bad.errorCode());
        assertFalse(bad.getMessage().contains("x\""));
        assertEquals(CoreErrorCode.AUTH_PROTOCOL, assertThrows(OrathinProtocolException.class, () -> O5Logon.respond(
                new O5Logon.Challenge(O5Logon.VERIFIER_12C, "00".repeat(32), "00".repeat(16), "00".repeat(16), 0, 3),
                "x".toCharArray(), RANDOM)).errorCode());
    }

    @Test
    void ownPbkdf2MatchesTheJdk() throws Exception {
        byte[] salt = random(20);
        assertArrayEquals(jdkPbkdf2("pässword".toCharArray(), salt, 1000, 100),
                O5Logon.pbkdf2("pässword".getBytes(StandardCharsets.UTF_8), salt, 1000, 100));
    }
}
