package dev.orathin.internal.ttc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.CoreErrorCode;
import dev.orathin.OracleDatabaseException;
import dev.orathin.OrathinProtocolException;
import dev.orathin.net.ConnectTrace;
import dev.orathin.net.NetPacket;
import dev.orathin.net.NetSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The whole login against a scripted server whose replies are built here from protocol.md §5–§6. */
public class LoginTest {

    static final HexFormat HEX = HexFormat.of().withUpperCase();

    /** A NetSession whose server side is a function from each request to its reply payloads. */
    public static class ScriptedSession implements NetSession {
        final Function<byte[], List<byte[]>> server;
        final Deque<NetPacket> inbound = new ArrayDeque<>();
        final List<byte[]> requests = new ArrayList<>();

        public ScriptedSession(Function<byte[], List<byte[]>> server) {
            this.server = server;
        }

        @Override
        public void send(byte[] payload, int dataFlags) {
            requests.add(payload);
            for (byte[] reply : server.apply(payload)) {
                // split replies at 100 bytes to exercise reads across packets
                for (int off = 0; off < reply.length; off += 100) {
                    inbound.add(new NetPacket(NetPacket.TYPE_DATA, 0, 0, Arrays.copyOfRange(reply, off, Math.min(reply.length, off + 100))));
                }
            }
        }

        @Override
        public NetPacket receive(Duration timeout) {
            if (inbound.isEmpty()) {
                throw new AssertionError("client waits for a reply the script did not send");
            }
            return inbound.remove();
        }

        public int protocolVersion() { return 319; }
        public int sdu() { return 8192; }
        public boolean fastAuthSupported() { return false; }
        public boolean endOfResponseSupported() { return false; }
        public boolean oobSupported() { return false; }
        public ConnectTrace trace() { return null; }
        public void sendMarker(int markerType) { }
        public boolean isOpen() { return true; }
        public void close() { }
        public void abort() { }
    }

    /** A test database for one user, holding a 12c verifier. */
    public static final class FakeDb implements Function<byte[], List<byte[]>> {
        final char[] password;
        final SecureRandom rnd = new SecureRandom();
        final byte[] salt = new byte[16];
        final byte[] csk = new byte[16];
        final byte[] serverSk = new byte[32];
        byte[] key;
        byte[] t;
        String lastUser;
        int step;

        public final List<Integer> functions = new ArrayList<>();
        /** The new password a client set in phase two, decrypted with the combo key. */
        public volatile String newPassword;
        /** PROXY_CLIENT_NAME of the last phase two. */
        public volatile String proxyClientName;

        public FakeDb(char[] password) throws Exception {
            this.password = password;
            rnd.nextBytes(salt);
            rnd.nextBytes(csk);
            rnd.nextBytes(serverSk);
            byte[] pk = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(new PBEKeySpec(password,
                    concat(salt, "AUTH_PBKDF2_SPEEDY_KEY".getBytes(StandardCharsets.US_ASCII)), 4096, 512)).getEncoded();
            t = MessageDigest.getInstance("SHA-512").digest(concat(pk, salt));
            key = Arrays.copyOf(t, 32);
        }

        @Override
        public List<byte[]> apply(byte[] req) {
            try {
                switch (step++) {
                    case 0: {
                        assertEquals(1, req[0]);
                        byte[] compile = new byte[55];
                        compile[7] = 24; // a 23ai server: the client keeps its own 13
                        compile[15] = 0x01; // TTC1 end-of-call status: ERROR messages start with it
                        byte[] runtime = new byte[11];
                        runtime[6] = 0x04;
                        byte[] fdo = new byte[16];
                        fdo[6 + 3] = 0x07;
                        fdo[6 + 4] = (byte) 0xD0;
                        return List.of(new TtcWriter().ub1(1).ub1(6).ub1(0).raw("Oracle Database 23ai".getBytes()).ub1(0)
                                .uint16le(873).ub1(0).uint16le(0).uint16be(fdo.length).raw(fdo).clr(compile).clr(runtime).toByteArray());
                    }
                    case 1:
                        assertEquals(2, req[0]);
                        return List.of(new byte[] {2, 0, 0});
                    case 2: {
                        TtcReader r = new TtcReader(() -> new NetPacket(6, 0, 0, req));
                        assertEquals(3, r.ub1());
                        assertEquals(118, r.ub1());
                        r.ub1();
                        r.ub1();
                        r.ub();
                        assertEquals(1, r.ub());
                        r.ub1();
                        assertEquals(5, r.ub());
                        r.ub1();
                        r.ub1();
                        lastUser = r.str();
                        TtcWriter w = new TtcWriter().ub1(8).ub(5);
                        kv(w, "AUTH_SESSKEY", HEX.formatHex(aes(Cipher.ENCRYPT_MODE, key, serverSk)), 0);
                        kv(w, "AUTH_VFR_DATA", HEX.formatHex(salt), 0x4815);
                        kv(w, "AUTH_PBKDF2_CSK_SALT", HEX.formatHex(csk), 0);
                        kv(w, "AUTH_PBKDF2_VGEN_COUNT", "4096", 0);
                        kv(w, "AUTH_PBKDF2_SDER_COUNT", "3", 0);
                        return List.of(concat(w.toByteArray(), errorInfo(0, null)));
                    }
                    case 3: {
                        TtcReader r = new TtcReader(() -> new NetPacket(6, 0, 0, req));
                        assertEquals(3, r.ub1());
                        assertEquals(115, r.ub1());
                        r.ub1();
                        r.ub1();
                        r.ub();
                        r.ub();
                        r.ub1();
                        int n = (int) r.ub();
                        r.ub1();
                        r.ub1();
                        r.str();
                        java.util.Map<String, String> kv = new java.util.HashMap<>();
                        for (int i = 0; i < n; i++) {
                            String k = new String(r.twoLengths());
                            byte[] v = r.twoLengths();
                            r.ub();
                            kv.put(k, v == null ? null : new String(v));
                        }
                        byte[] clientSk = aes(Cipher.DECRYPT_MODE, key, HexFormat.of().parseHex(kv.get("AUTH_SESSKEY")));
                        byte[] combo = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(new PBEKeySpec(
                                HEX.formatHex(concat(clientSk, serverSk)).toCharArray(), csk, 3, 256)).getEncoded();
                        byte[] p = aes(Cipher.DECRYPT_MODE, combo, HexFormat.of().parseHex(kv.get("AUTH_PASSWORD")));
                        int padLen = p[p.length - 1];
                        boolean ok = padLen >= 1 && padLen <= 16 && p.length - padLen >= 16 && new String(p, 16, p.length - padLen - 16,
                                StandardCharsets.UTF_8).equals(new String(password));
                        if (!ok) {
                            return List.of(errorInfo(1017, "ORA-01017: invalid credential or not authorized; logon denied"));
                        }
                        assertTrue(kv.get("SESSION_CLIENT_DRIVER_NAME").startsWith("orathin"));
                        proxyClientName = kv.get("PROXY_CLIENT_NAME");
                        if (kv.get("AUTH_NEWPASSWORD") != null) {
                            byte[] np = aes(Cipher.DECRYPT_MODE, combo, HexFormat.of().parseHex(kv.get("AUTH_NEWPASSWORD")));
                            int pad = np[np.length - 1];
                            newPassword = new String(np, 16, np.length - pad - 16, StandardCharsets.UTF_8);
                        }
                        byte[] svr = aes(Cipher.ENCRYPT_MODE, combo, concat(concat(new byte[16], "SERVER_TO_CLIENT".getBytes()), pad16()));
                        TtcWriter w = new TtcWriter().ub1(8).ub(4);
                        kv(w, "AUTH_SVR_RESPONSE", HEX.formatHex(svr), 0);
                        kv(w, "AUTH_SESSION_ID", "123", 0);
                        kv(w, "AUTH_SERIAL_NUM", "4567", 0);
                        kv(w, "AUTH_VERSION_NO", String.valueOf((23 << 24) | (4 << 16)), 0);
                        return List.of(concat(w.toByteArray(), errorInfo(0, null)));
                    }
                    default:
                        // later calls (ping, logoff): remember the function code, answer STATUS
                        assertEquals(3, req[0]);
                        functions.add(req[1] & 0xFF);
                        return List.of(new TtcWriter().ub1(9).ub(0).ub(0).toByteArray());
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    static void kv(TtcWriter w, String k, String v, int flags) {
        w.keyValue(k, v, flags);
    }

    static byte[] pad16() {
        byte[] b = new byte[16];
        Arrays.fill(b, (byte) 16);
        return b;
    }

    /** An ERROR message as python-oracledb reads it (field version 13 layout). */
    static byte[] errorInfo(int number, String message) {
        TtcWriter w = new TtcWriter().ub1(4).ub(0).ub(0).ub(0).ub(0).ub(0).ub(0).ub(0).sb(0).raw(new byte[6])
                .ub(0).ub(0).ub1(0).ub(0).ub(0).ub(0).ub1(0).ub1(0).ub(0).ub(0).ub(0).ub(0).ub(0).ub(0).ub(number).ub(0);
        if (number != 0) {
            w.str(message);
        }
        return w.toByteArray();
    }

    static byte[] aes(int mode, byte[] key, byte[] data) throws Exception {
        Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
        return c.doFinal(data);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    public static Login.Credentials creds(String user, String pw) {
        return new Login.Credentials(user, pw.toCharArray(), null, "test", "box", "me", "1", "orathin 0.1.0", "+00:00");
    }

    @Test
    void loginNegotiatesAndAuthenticates() throws Exception {
        FakeDb db = new FakeDb("tiger".toCharArray());
        ScriptedSession s = new ScriptedSession(db);
        Login.Session session = new Login(s, Duration.ofSeconds(5), new SecureRandom()).run(creds("scott", "tiger"));
        assertEquals(123, session.sessionId());
        assertEquals(4567, session.serialNumber());
        assertEquals(13, session.capabilities().fieldVersion(), "min(client 13, server 24)");
        assertEquals("Oracle Database 23ai", session.capabilities().banner());
        assertEquals(2000, session.capabilities().ncharsetId());
        assertEquals(32767, session.capabilities().maxStringSize());
        assertEquals("scott", db.lastUser);
        assertFalse(session.values().containsKey("AUTH_SVR_RESPONSE"));
        assertEquals(4, s.requests.size());
        assertEquals(Negotiation.dataTypeCount(), 321);
    }

    /**
     * The login's bound is for the login as a whole (issue #21): a server that answers every read just
     * inside the bound but takes longer than it over the whole exchange ends in OTN-3005, and the bound
     * each read is given shrinks as the login goes on.
     */
    @Test
    void theTimeoutBoundsTheWholeLoginNotEachRead() throws Exception {
        List<Duration> asked = new ArrayList<>();
        NetSession slow = new ScriptedSession(new FakeDb("tiger".toCharArray())) {
            @Override
            public NetPacket receive(Duration timeout) {
                asked.add(timeout);
                try {
                    Thread.sleep(40); // each reply well inside the 300 ms bound
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                return super.receive(timeout);
            }
        };
        dev.orathin.net.NetException e = assertThrows(dev.orathin.net.NetException.class,
                () -> new Login(slow, Duration.ofMillis(300), new SecureRandom()).run(creds("scott", "tiger")));
        assertEquals(dev.orathin.net.NetErrorCode.OVERALL_TIMEOUT, e.errorCode());
        assertTrue(e.getMessage().contains("300 ms"), e.getMessage());
        assertTrue(asked.size() > 3, "several reads happened before the bound was spent: " + asked);
        assertTrue(asked.get(asked.size() - 1).compareTo(asked.get(0)) < 0, "later reads get what is left: " + asked);
        // the same server, given enough time, logs in: the timeout is what ended the login above
        ScriptedSession fresh = new ScriptedSession(new FakeDb("tiger".toCharArray()));
        assertEquals(123, new Login(fresh, Duration.ofSeconds(30), new SecureRandom()).run(creds("scott", "tiger")).sessionId());
    }

    @Test
    void wrongPasswordSurfacesOra01017() throws Exception {
        ScriptedSession s = new ScriptedSession(new FakeDb("tiger".toCharArray()));
        OracleDatabaseException e = assertThrows(OracleDatabaseException.class,
                () -> new Login(s, Duration.ofSeconds(5), new SecureRandom()).run(creds("scott", "lion")));
        assertEquals(1017, e.oraCode());
        assertTrue(e.getMessage().startsWith("OTN-6000: ORA-01017"), e.getMessage());
        assertFalse(e.getMessage().contains("lion"));
        assertTrue(Login.isInvalidCredentials(e));
    }

    /**
     * A 10.2 server answers a failed logon with MARKER break and reset before the ERROR (real-packets
     * pcap-wireshark-tns-oracle1.txt, packets 16–20: AUTH phase two, break, reset, the client's reset,
     * then DATA). Login used to let the raw marker escape; it now runs the reset and raises the ORA error.
     */
    @Test
    void markersBeforeTheLogonErrorEndInTheOraError() throws Exception {
        ScriptedSession db = new ScriptedSession(new FakeDb("tiger".toCharArray()));
        List<Integer> markersSent = new ArrayList<>();
        NetSession s = new NetSession() {
            public void send(byte[] payload, int dataFlags) {
                db.send(payload, dataFlags);
                if (payload[0] == 3 && (payload[1] & 0xFF) == TtcCodes.FN_AUTH_PHASE_TWO) {
                    db.inbound.addFirst(new NetPacket(NetPacket.TYPE_MARKER, 0x20, 0, new byte[] {1, 0, 2}));
                    db.inbound.addFirst(new NetPacket(NetPacket.TYPE_MARKER, 0x20, 0, new byte[] {1, 0, 1}));
                }
            }
            public NetPacket receive(Duration timeout) { return db.receive(timeout); }
            public int protocolVersion() { return 319; }
            public int sdu() { return 8192; }
            public boolean fastAuthSupported() { return false; }
            public boolean endOfResponseSupported() { return false; }
            public boolean oobSupported() { return false; }
            public ConnectTrace trace() { return null; }
            public void sendMarker(int markerType) { markersSent.add(markerType); }
            public boolean isOpen() { return true; }
            public void close() { }
            public void abort() { }
        };
        OracleDatabaseException e = assertThrows(OracleDatabaseException.class,
                () -> new Login(s, Duration.ofSeconds(5), new SecureRandom()).run(creds("scott", "lion")));
        assertEquals(1017, e.oraCode());
        assertEquals(List.of(2), markersSent, "the client answers with one reset");
    }

    @Test
    void unexpectedReplyIsAProtocolError() {
        ScriptedSession s = new ScriptedSession(req -> List.of(new byte[] {7, 0}));
        OrathinProtocolException e = assertThrows(OrathinProtocolException.class,
                () -> new Login(s, Duration.ofSeconds(5), new SecureRandom()).run(creds("scott", "tiger")));
        assertEquals(CoreErrorCode.UNEXPECTED_MESSAGE, e.errorCode());
        assertEquals("scott", Login.splitProxy("scott[app]")[0]);
        assertEquals("app", Login.splitProxy("scott[app]")[1]);
    }

    @Test
    void passwordChangeSendsTheNewPasswordEncryptedWithTheComboKey() throws Exception {
        FakeDb db = new FakeDb("tiger".toCharArray());
        ScriptedSession s = new ScriptedSession(db);
        new Login(s, Duration.ofSeconds(5), new SecureRandom()).run(new Login.Credentials("scott", "tiger".toCharArray(),
                "L10n#new".toCharArray(), "test", "box", "me", "1", "orathin 0.1.0", "+00:00"));
        assertEquals("L10n#new", db.newPassword);
        byte[] phaseTwo = s.requests.get(3);
        assertFalse(new String(phaseTwo, StandardCharsets.ISO_8859_1).contains("L10n#new"), "never in clear");
    }

    @Test
    void proxyUserSendsTheTargetAsProxyClientName() throws Exception {
        FakeDb db = new FakeDb("tiger".toCharArray());
        new Login(new ScriptedSession(db), Duration.ofSeconds(5), new SecureRandom()).run(creds("scott[hr]", "tiger"));
        assertEquals("hr", db.proxyClientName);
    }
}
