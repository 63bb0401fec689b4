package dev.orathin.testkit.internal.ttcserver;

import dev.orathin.testkit.internal.DatabaseHandler;
import dev.orathin.testkit.internal.ServerNetSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The first part of the testkit's database half: TTC negotiation (PROTOCOL, DATA_TYPES), the
 * server side of O5LOGON with 12C verifiers (protocol.md §6.6), PING and LOGOFF. SQL is not run
 * yet: an EXECUTE is answered with ORA-03001 so clients fail clearly instead of hanging.
 *
 * <p>Layouts follow TTC field version 13 (19c ext1, protocol.md §12.9): the smallest that all
 * three reference clients accept.
 */
public final class LoginDatabase implements DatabaseHandler {

    /** Field version this server announces. */
    static final int FIELD_VERSION = 13;
    /** Banner in the PROTOCOL reply. */
    public static final String BANNER = "Oracle Database 23ai (orathin testkit)"; // node reads at most 48 bytes
    /** AUTH_VERSION_NO: 23.4.0.0.0 in the format of field version >= 11 (protocol.md §5.4). */
    static final long VERSION_NUMBER = (23L << 24) | (4L << 16);
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final AtomicLong SESSION_IDS = new AtomicLong(100);

    private final Map<String, char[]> users = new HashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** A database accepting these users (names case-insensitive, as unquoted Oracle identifiers). */
    public LoginDatabase(Map<String, char[]> users) {
        users.forEach((u, p) -> this.users.put(u.toUpperCase(Locale.ROOT), p.clone()));
    }

    @Override
    public void serve(ServerNetSession session) throws IOException {
        Conversation c = new Conversation(session);
        ServerNetSession.Packet p;
        while ((p = session.read()) != null) {
            if (p.type() == 12) {
                session.writeMarker(2); // answer a reset with a reset (protocol.md §9)
                continue;
            }
            if (p.type() != 6) {
                continue;
            }
            if (p.dataFlags() == 0x0040) {
                return; // EOF: the client closed the session
            }
            byte[] m = p.payload();
            if (m.length == 0) {
                continue;
            }
            byte[] reply = c.handle(m);
            if (reply == null) {
                return;
            }
            session.writeData(0, reply);
        }
    }

    /** One session's state. */
    private final class Conversation {
        final ServerNetSession session;
        int clientFieldVersion = FIELD_VERSION;
        String user;
        char[] expected;
        byte[] salt;
        byte[] aesKey;
        byte[] serverSk;
        byte[] cskSalt;
        boolean loggedIn;

        Conversation(ServerNetSession session) {
            this.session = session;
        }

        byte[] handle(byte[] m) {
            try {
                switch (m[0]) {
                    case 1:
                        return protocolReply();
                    case 2:
                        dataTypes(m);
                        return new byte[] {2, 0, 0};
                    case 3:
                        return function(m);
                    default:
                        return new Ttc.Out().error(0, 0, 3001, "ORA-03001: unimplemented feature (TTC message type " + m[0]
                                + " in the orathin testkit)").bytes();
                }
            } catch (RuntimeException | GeneralSecurityException e) {
                return new Ttc.Out().error(0, 0, 600, "ORA-00600: internal error in the orathin testkit: " + e.getMessage()).bytes();
            }
        }

        /** PROTOCOL reply (protocol.md §12.5). */
        byte[] protocolReply() {
            byte[] fdo = new byte[16];
            fdo[9] = 0x07; // national charset AL16UTF16 (2000) at ix + 3 with fdo[5] = fdo[6] = 0
            fdo[10] = (byte) 0xD0;
            byte[] compile = new byte[55];
            compile[0] = 6;
            compile[4] = 0x02 | 0x08 | 0x20; // O5LOGON_NP, O5LOGON, O7LOGON
            compile[7] = FIELD_VERSION;
            compile[15] = 0x01; // TTC1 end-of-call status: ERROR messages start with it (ojdbc reads it only then)
            compile[27] = 1;
            byte[] runtime = new byte[11];
            runtime[0] = 2;
            return new Ttc.Out().u8(1).u8(6).u8(0).raw(BANNER.getBytes(StandardCharsets.US_ASCII)).u8(0).u16le(873).u8(0).u16le(0)
                    .u16be(fdo.length).raw(fdo).clr(compile).clr(runtime).bytes();
        }

        /** Takes the client's field version from its compile caps in DATA_TYPES. */
        void dataTypes(byte[] m) {
            Ttc.In in = new Ttc.In(m);
            in.raw(6);
            byte[] caps = in.clr();
            if (caps != null && caps.length > 7) {
                clientFieldVersion = Math.min(FIELD_VERSION, caps[7] & 0xFF);
            }
        }

        byte[] function(byte[] m) throws GeneralSecurityException {
            Ttc.In in = new Ttc.In(m);
            in.u8();
            int code = in.u8();
            in.u8(); // sequence
            if (clientFieldVersion >= 18) {
                in.ub();
            }
            switch (code) {
                case 118:
                    session.redactRecording(true);
                    return phaseOne(in);
                case 115:
                    try {
                        return phaseTwo(in);
                    } finally {
                        session.redactRecording(false);
                    }
                case 147:
                case 9:
                    return new Ttc.Out().error(0, 0, 0, null).bytes();
                default:
                    return new Ttc.Out().error(0, 0, 3001, "ORA-03001: unimplemented feature (function " + code
                            + "; the orathin testkit does not run SQL yet)").bytes();
            }
        }

        Map<String, String> pairs(Ttc.In in) {
            in.u8(); // user pointer
            long userLength = in.ub();
            in.ub(); // mode
            in.u8();
            long count = in.ub();
            in.u8();
            in.u8();
            if (userLength > 0) {
                // current clients send the user as a CLR; python-oracledb 1.x sends the raw bytes (the
                // length is in the field above). A user name never starts with a byte below 0x20.
                int first = in.peek();
                byte[] u = first == userLength && first < 0x20 + 0x60 && !Character.isLetter(first) ? in.clr() : in.raw((int) userLength);
                user = new String(u, StandardCharsets.UTF_8);
            }
            Map<String, String> kv = new HashMap<>();
            for (long i = 0; i < count; i++) {
                String k = in.twoLengths();
                String v = in.twoLengths();
                in.ub();
                kv.put(k, v);
            }
            return kv;
        }

        /** Phase one: the 12C challenge; unknown users get one too, so nothing is revealed before phase two. */
        byte[] phaseOne(Ttc.In in) throws GeneralSecurityException {
            pairs(in);
            expected = user == null ? null : users.get(user.toUpperCase(Locale.ROOT));
            salt = bytes(16);
            cskSalt = bytes(16);
            serverSk = bytes(32);
            char[] pw = expected != null ? expected : "unknown-user".toCharArray();
            byte[] pk = pbkdf2(pw, concat(salt, "AUTH_PBKDF2_SPEEDY_KEY".getBytes(StandardCharsets.US_ASCII)), 4096, 64);
            aesKey = Arrays.copyOf(MessageDigest.getInstance("SHA-512").digest(concat(pk, salt)), 32);
            Ttc.Out out = new Ttc.Out().u8(8).ub(5);
            out.keyValue("AUTH_SESSKEY", HEX.formatHex(aes(Cipher.ENCRYPT_MODE, aesKey, serverSk)), 0);
            out.keyValue("AUTH_VFR_DATA", HEX.formatHex(salt), 0x4815);
            out.keyValue("AUTH_PBKDF2_CSK_SALT", HEX.formatHex(cskSalt), 0);
            out.keyValue("AUTH_PBKDF2_VGEN_COUNT", "4096", 0);
            out.keyValue("AUTH_PBKDF2_SDER_COUNT", "3", 0);
            return out.error(0, 0, 0, null).bytes();
        }

        /** Phase two: check the password, prove the verifier, open the session. */
        byte[] phaseTwo(Ttc.In in) throws GeneralSecurityException {
            Map<String, String> kv = pairs(in);
            if (aesKey == null || kv.get("AUTH_SESSKEY") == null || kv.get("AUTH_PASSWORD") == null) {
                return denied();
            }
            byte[] clientSk = aes(Cipher.DECRYPT_MODE, aesKey, HexFormat.of().parseHex(kv.get("AUTH_SESSKEY").toLowerCase(Locale.ROOT)));
            byte[] combo = pbkdf2(HEX.formatHex(concat(Arrays.copyOf(clientSk, 32), serverSk)).toCharArray(), cskSalt, 3, 32);
            byte[] p = aes(Cipher.DECRYPT_MODE, combo, HexFormat.of().parseHex(kv.get("AUTH_PASSWORD").toLowerCase(Locale.ROOT)));
            int pad = p.length == 0 ? 0 : p[p.length - 1];
            boolean ok = expected != null && pad >= 1 && pad <= 16 && p.length - pad >= 16
                    && new String(p, 16, p.length - pad - 16, StandardCharsets.UTF_8).equals(new String(expected));
            if (!ok) {
                return denied();
            }
            byte[] response = aes(Cipher.ENCRYPT_MODE, combo, concat(concat(bytes(16), "SERVER_TO_CLIENT".getBytes(StandardCharsets.US_ASCII)),
                    filled(16, (byte) 16)));
            loggedIn = true;
            Ttc.Out out = new Ttc.Out().u8(8).ub(7);
            out.keyValue("AUTH_SVR_RESPONSE", HEX.formatHex(response), 0);
            out.keyValue("AUTH_SESSION_ID", String.valueOf(SESSION_IDS.incrementAndGet()), 0);
            out.keyValue("AUTH_SERIAL_NUM", "1", 0);
            out.keyValue("AUTH_VERSION_NO", String.valueOf(VERSION_NUMBER), 0);
            out.keyValue("AUTH_SC_SERVICE_NAME", String.valueOf(session.serviceName()), 0);
            out.keyValue("AUTH_INSTANCENAME", "orathin1", 0);
            out.keyValue("AUTH_MAX_OPEN_CURSORS", "300", 0);
            return out.error(0, 0, 0, null).bytes();
        }

        byte[] denied() {
            return new Ttc.Out().error(0, 0, 1017, "ORA-01017: invalid credential or not authorized; logon denied").bytes();
        }
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] filled(int n, byte v) {
        byte[] b = new byte[n];
        Arrays.fill(b, v);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations, int bytes) throws GeneralSecurityException {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(new PBEKeySpec(password, salt, iterations, bytes * 8))
                .getEncoded();
    }

    private static byte[] aes(int mode, byte[] key, byte[] data) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
        return c.doFinal(data);
    }
}
