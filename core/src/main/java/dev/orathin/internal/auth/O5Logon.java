package dev.orathin.internal.auth;

import dev.orathin.CoreErrorCode;
import dev.orathin.OrathinProtocolException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of O5LOGON (protocol.md §6.3): from the server's phase-one challenge and the
 * password, the phase-two values (encrypted session key, speedy key, encrypted password) and the
 * combo key that later proves the server (AUTH_SVR_RESPONSE) and encrypts a new password.
 *
 * <p>12c verifiers (0x4815): PBKDF2-HMAC-SHA512 password key, AES-256. 11g verifiers
 * (0xB152/0x1B25): SHA-1, AES-192, MD5 combo rule. 10g (0x0939) is refused. The combo rule is
 * chosen by the decrypted server key length, as python-oracledb and node-oracledb do. All AES is
 * CBC with a zero IV; encryption always pads (PKCS#7), decryption never unpads.
 */
public final class O5Logon {

    /** 12c verifier: PBKDF2 / SHA-512. */
    public static final int VERIFIER_12C = 0x4815;
    /** 11g verifier types: SHA-1. */
    public static final int VERIFIER_11G_1 = 0xB152, VERIFIER_11G_2 = 0x1B25;
    /** 10g verifier: DES, not supported. */
    public static final int VERIFIER_10G = 0x0939;

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final byte[] SPEEDY_SUFFIX = "AUTH_PBKDF2_SPEEDY_KEY".getBytes(StandardCharsets.US_ASCII);
    /** Bounds on the server's iteration counts (node rejects outside 1..100000). */
    static final int MAX_ITERATIONS = 100_000;

    private O5Logon() {
    }

    /**
     * The phase-one reply values.
     *
     * @param verifierType flags of AUTH_VFR_DATA
     * @param serverSessionKey AUTH_SESSKEY (hex)
     * @param verifierData AUTH_VFR_DATA (hex salt)
     * @param comboSalt AUTH_PBKDF2_CSK_SALT (hex), 12c only
     * @param vgenCount AUTH_PBKDF2_VGEN_COUNT, 12c only
     * @param sderCount AUTH_PBKDF2_SDER_COUNT, 12c only
     */
    public record Challenge(int verifierType, String serverSessionKey, String verifierData, String comboSalt, int vgenCount, int sderCount) {
        /** Shows the verifier type only. */
        @Override
        public String toString() {
            return "Challenge[verifier=0x" + Integer.toHexString(verifierType) + "]";
        }
    }

    /**
     * Phase-two values to send, and the combo key to keep.
     *
     * @param sessionKey AUTH_SESSKEY (hex)
     * @param speedyKey AUTH_PBKDF2_SPEEDY_KEY (hex), null for 11g
     * @param password AUTH_PASSWORD (hex)
     * @param comboKey the session's combo key (never printed)
     */
    public record Response(String sessionKey, String speedyKey, String password, byte[] comboKey) {
        /** Never shows key material. */
        @Override
        public String toString() {
            return "Response[redacted]";
        }
    }

    /** Computes the phase-two values. */
    public static Response respond(Challenge c, char[] password, SecureRandom random) {
        if (c.verifierType() == VERIFIER_10G) {
            throw new OrathinProtocolException(CoreErrorCode.UNSUPPORTED_VERIFIER, "the account uses a 10G password verifier (0x0939),"
                    + " which thin clients do not support; ask the DBA to set SQLNET.ALLOWED_LOGON_VERSION_SERVER to 12 or higher and"
                    + " reset the password so a 12C verifier is created");
        }
        if (c.verifierType() != VERIFIER_12C && c.verifierType() != VERIFIER_11G_1 && c.verifierType() != VERIFIER_11G_2) {
            throw new OrathinProtocolException(CoreErrorCode.UNSUPPORTED_VERIFIER, "unknown password verifier type 0x"
                    + Integer.toHexString(c.verifierType()) + " (expected 12C 0x4815 or 11G 0xb152/0x1b25)");
        }
        byte[] pw = utf8(password);
        try {
            byte[] vfr = unhex(c.verifierData(), "AUTH_VFR_DATA");
            byte[] srv = unhex(c.serverSessionKey(), "AUTH_SESSKEY");
            if (c.verifierType() == VERIFIER_12C) {
                check(c.vgenCount(), "AUTH_PBKDF2_VGEN_COUNT");
                check(c.sderCount(), "AUTH_PBKDF2_SDER_COUNT");
                byte[] passwordKey = pbkdf2(pw, concat(vfr, SPEEDY_SUFFIX), c.vgenCount(), 64);
                byte[] passwordHash = Arrays.copyOf(sha("SHA-512", concat(passwordKey, vfr)), 32);
                byte[] serverSk = aes(Cipher.DECRYPT_MODE, passwordHash, srv);
                byte[] clientSk = randomBytes(random, serverSk.length);
                String sessKey = HEX.formatHex(aes(Cipher.ENCRYPT_MODE, passwordHash, pad(clientSk))).substring(0, 2 * clientSk.length);
                byte[] combo = comboKey(clientSk, serverSk, c);
                String speedy = HEX.formatHex(aes(Cipher.ENCRYPT_MODE, combo, pad(concat(randomBytes(random, 16), passwordKey))))
                        .substring(0, 160);
                String encPw = HEX.formatHex(aes(Cipher.ENCRYPT_MODE, combo, pad(concat(randomBytes(random, 16), pw))));
                Arrays.fill(passwordKey, (byte) 0);
                return new Response(sessKey, speedy, encPw, combo);
            }
            byte[] passwordHash = Arrays.copyOf(sha("SHA-1", concat(pw, vfr)), 24);
            byte[] serverSk = aes(Cipher.DECRYPT_MODE, passwordHash, srv);
            byte[] clientSk = randomBytes(random, serverSk.length);
            String sessKey = HEX.formatHex(aes(Cipher.ENCRYPT_MODE, passwordHash, pad(clientSk))).substring(0, 2 * clientSk.length);
            byte[] combo = comboKey(clientSk, serverSk, c);
            String encPw = HEX.formatHex(aes(Cipher.ENCRYPT_MODE, combo, pad(concat(randomBytes(random, 16), pw))));
            return new Response(sessKey, null, encPw, combo);
        } catch (GeneralSecurityException e) {
            throw new OrathinProtocolException(CoreErrorCode.AUTH_PROTOCOL, "O5LOGON: cannot compute the session keys: " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }

    /**
     * Checks AUTH_SVR_RESPONSE: decrypted with the combo key, bytes 16..31 must read
     * {@code SERVER_TO_CLIENT}; otherwise the server does not know the verifier.
     */
    public static void verifyServer(byte[] comboKey, String serverResponseHex) {
        try {
            byte[] plain = aes(Cipher.DECRYPT_MODE, comboKey, unhex(serverResponseHex, "AUTH_SVR_RESPONSE"));
            if (plain.length < 32 || !new String(plain, 16, 16, StandardCharsets.US_ASCII).equals("SERVER_TO_CLIENT")) {
                throw new OrathinProtocolException(CoreErrorCode.SERVER_NOT_AUTHENTICATED, "O5LOGON: the server's AUTH_SVR_RESPONSE does"
                        + " not decrypt to SERVER_TO_CLIENT: the server did not prove it knows the password verifier");
            }
        } catch (GeneralSecurityException e) {
            throw new OrathinProtocolException(CoreErrorCode.SERVER_NOT_AUTHENTICATED, "O5LOGON: AUTH_SVR_RESPONSE cannot be decrypted", e);
        }
    }

    /** AUTH_NEWPASSWORD for a password change: 16 random bytes and the new password, encrypted with the combo key. */
    public static String encryptNewPassword(byte[] comboKey, char[] newPassword, SecureRandom random) {
        byte[] pw = utf8(newPassword);
        try {
            return HEX.formatHex(aes(Cipher.ENCRYPT_MODE, comboKey, pad(concat(randomBytes(random, 16), pw))));
        } catch (GeneralSecurityException e) {
            throw new OrathinProtocolException(CoreErrorCode.AUTH_PROTOCOL, "O5LOGON: cannot encrypt the new password", e);
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }

    /** 48-byte server keys use the 11g MD5 rule, others the PBKDF2 rule (python and node decide by length). */
    private static byte[] comboKey(byte[] clientSk, byte[] serverSk, Challenge c) throws GeneralSecurityException {
        if (serverSk.length == 48) {
            byte[] x = new byte[24];
            for (int i = 0; i < 24; i++) {
                x[i] = (byte) (serverSk[16 + i] ^ clientSk[16 + i]);
            }
            byte[] h1 = sha("MD5", Arrays.copyOfRange(x, 0, 16));
            byte[] h2 = sha("MD5", Arrays.copyOfRange(x, 16, 24));
            return Arrays.copyOf(concat(h1, h2), 24);
        }
        // the PBKDF2 rule derives a key as long as the verifier's AES key: 32 bytes for 12C, 24 for 11G
        // (python-oracledb _generate_verifier: keylen; found by the testkit's 11G account)
        int keyLength = c.verifierType() == VERIFIER_12C ? 32 : 24;
        String mixed = HEX.formatHex(concat(Arrays.copyOf(clientSk, keyLength), Arrays.copyOf(serverSk, keyLength)));
        return pbkdf2(mixed.getBytes(StandardCharsets.US_ASCII), unhex(c.comboSalt(), "AUTH_PBKDF2_CSK_SALT"), c.sderCount(), keyLength);
    }

    /** PBKDF2-HMAC-SHA512 over raw password bytes (JDK PBEKeySpec would require chars). */
    static byte[] pbkdf2(byte[] password, byte[] salt, int iterations, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec(password.length == 0 ? new byte[1] : password, "HmacSHA512"));
        byte[] out = new byte[length];
        int blocks = (length + 63) / 64;
        for (int b = 1; b <= blocks; b++) {
            mac.update(salt);
            byte[] u = mac.doFinal(ByteBuffer.allocate(4).putInt(b).array());
            byte[] t = u.clone();
            for (int i = 1; i < iterations; i++) {
                u = mac.doFinal(u);
                for (int k = 0; k < t.length; k++) {
                    t[k] ^= u[k];
                }
            }
            System.arraycopy(t, 0, out, (b - 1) * 64, Math.min(64, length - (b - 1) * 64));
        }
        return out;
    }

    static byte[] aes(int mode, byte[] key, byte[] data) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
        if (data.length % 16 != 0) {
            throw new GeneralSecurityException("ciphertext length " + data.length + " is not a multiple of 16");
        }
        return cipher.doFinal(data);
    }

    /** PKCS#7, always adding at least one byte (a full block when aligned). */
    static byte[] pad(byte[] b) {
        int n = 16 - b.length % 16;
        byte[] out = Arrays.copyOf(b, b.length + n);
        Arrays.fill(out, b.length, out.length, (byte) n);
        return out;
    }

    static byte[] sha(String alg, byte[] data) throws GeneralSecurityException {
        return MessageDigest.getInstance(alg).digest(data);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] randomBytes(SecureRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] unhex(String s, String field) {
        if (s == null || s.isEmpty() || s.length() % 2 != 0) {
            throw new OrathinProtocolException(CoreErrorCode.AUTH_PROTOCOL, "O5LOGON: " + field + " missing or not hex (length "
                    + (s == null ? 0 : s.length()) + ")");
        }
        try {
            return HexFormat.of().parseHex(s.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new OrathinProtocolException(CoreErrorCode.AUTH_PROTOCOL, "O5LOGON: " + field + " is not hex");
        }
    }

    private static void check(int count, String field) {
        if (count < 1 || count > MAX_ITERATIONS) {
            throw new OrathinProtocolException(CoreErrorCode.AUTH_PROTOCOL, "O5LOGON: " + field + " = " + count + " (expected 1.."
                    + MAX_ITERATIONS + ")");
        }
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] out = Arrays.copyOfRange(b.array(), b.position(), b.limit());
        Arrays.fill(b.array(), (byte) 0);
        return out;
    }
}
