package dev.orathin.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.testkit.spi.ServerNetSession;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OracleTestServerTest {

    static final String SVC = "orathin_high";

    @Test
    void acceptsConnectAndRecordsFirstTtcMessage() throws Exception {
        try (OracleTestServer server = OracleTestServer.builder().service(SVC).build().start();
                Socket s = new Socket("localhost", server.port())) {
            RawClient c = new RawClient(s);
            c.sendConnect(RawClient.descriptor(server.port(), SVC));
            byte[] accept = c.read();
            assertEquals(2, accept[4], "ACCEPT");
            assertEquals(61, accept.length, "v319 ACCEPT carries flags2 and the 16-byte UUID (protocol.md §3.1)");
            assertEquals(319, RawClient.u16(accept, 8));
            assertEquals(61, RawClient.u16(accept, 20), "accept data offset = packet length");
            assertEquals(0x04, accept[22]);
            assertEquals(0x08, accept[23]);
            assertEquals(8192, ByteBuffer.wrap(accept, 32, 4).getInt());
            c.large = true;
            c.sendData(0, new byte[] {1, 6, 0, 'x', 0});
            RecordedConnection rec = server.takeConnection(Duration.ofSeconds(5));
            byte[] first = rec.awaitFirstTtcMessage(5, TimeUnit.SECONDS).orElseThrow();
            assertArrayEquals(new byte[] {1, 6, 0, 'x', 0}, first);
            assertTrue(rec.awaitEnd(5, TimeUnit.SECONDS));
            assertEquals(List.of(RawClient.descriptor(server.port(), SVC)), rec.connectData());
            assertEquals(3, rec.packets().size());
            assertEquals(1, rec.roundTrips());
        }
    }

    @Test
    void longConnectDataArrivesInFollowingDataPacket() throws Exception {
        String longData = RawClient.descriptor(0, SVC).replace("(CID=", "(COMMENT=" + "x".repeat(300) + ")(CID=");
        try (OracleTestServer server = OracleTestServer.builder().service(SVC).build().start();
                Socket s = new Socket("localhost", server.port())) {
            RawClient c = new RawClient(s);
            c.sendConnect(longData);
            assertEquals(2, c.read()[4]);
            assertEquals(List.of(longData), server.takeConnection(Duration.ofSeconds(5)).connectData());
        }
    }

    @Test
    void unknownServiceIsRefusedWith12514AsARealListener() throws Exception {
        try (OracleTestServer server = OracleTestServer.builder().service(SVC).build().start();
                Socket s = new Socket("localhost", server.port())) {
            RawClient c = new RawClient(s);
            c.sendConnect(RawClient.descriptor(server.port(), "nope"));
            byte[] refuse = c.read();
            assertEquals(4, refuse[4]);
            String text = new String(refuse, 12, RawClient.u16(refuse, 10), StandardCharsets.US_ASCII);
            assertTrue(text.contains("(ERR=12514)"), text);
            RecordedConnection rec = server.takeConnection(Duration.ofSeconds(5));
            assertTrue(rec.awaitEnd(5, TimeUnit.SECONDS));
            assertEquals("refused 12514", rec.outcome());
        }
    }

    @Test
    void chosenRefusalCode() throws Exception {
        try (OracleTestServer server = OracleTestServer.builder().refuse("busy", 12519).build().start();
                Socket s = new Socket("localhost", server.port())) {
            RawClient c = new RawClient(s);
            c.sendConnect(RawClient.descriptor(server.port(), "busy"));
            byte[] refuse = c.read();
            assertTrue(new String(refuse, StandardCharsets.US_ASCII).contains("(ERR=12519)"));
        }
    }

    @Test
    void redirectSendsAddressAndConnectDataInDataPacket() throws Exception {
        try (OracleTestServer server = OracleTestServer.builder().redirect(SVC, "localhost", 1555).build().start();
                Socket s = new Socket("localhost", server.port())) {
            RawClient c = new RawClient(s);
            String data = RawClient.descriptor(server.port(), SVC);
            c.sendConnect(data);
            byte[] redirect = c.read();
            assertEquals(5, redirect[4]);
            assertEquals(0x02, redirect[5], "NSPFRDS: address \\0 connect data");
            assertEquals(10, redirect.length);
            byte[] d = c.read();
            assertEquals(6, d[4]);
            String text = new String(d, 10, d.length - 10, StandardCharsets.US_ASCII);
            assertEquals(RawClient.u16(redirect, 8), text.length());
            assertEquals("(ADDRESS=(PROTOCOL=tcp)(HOST=localhost)(PORT=1555))\0" + data, text);
        }
    }

    @Test
    void anoRequestIsAnsweredDecliningEveryService() throws Exception {
        try (OracleTestServer server = OracleTestServer.builder().service(SVC).build().start();
                Socket s = new Socket("localhost", server.port())) {
            RawClient c = new RawClient(s);
            c.sendConnect(RawClient.descriptor(server.port(), SVC));
            c.read();
            c.large = true;
            ByteBuffer ano = ByteBuffer.allocate(13 + 2 * 8);
            ano.putInt(0xDEADBEEF).putShort((short) ano.capacity()).putInt(0x0B200200).putShort((short) 2).put((byte) 0);
            ano.putShort((short) 2).putShort((short) 0).putInt(0).putShort((short) 3).putShort((short) 0).putInt(0);
            c.sendData(0, ano.array());
            byte[] reply = c.read();
            ByteBuffer r = ByteBuffer.wrap(reply, 10, reply.length - 10);
            assertEquals(0xDEADBEEF, r.getInt());
            assertEquals(reply.length - 10, r.getShort() & 0xFFFF);
            r.getInt();
            assertEquals(2, r.getShort(), "one answer per requested service");
            r.get();
            assertEquals(2, r.getShort(), "encryption answered first, as asked");
            c.sendData(0, new byte[] {1, 6, 0});
            byte[] first = server.takeConnection(Duration.ofSeconds(5)).awaitFirstTtcMessage(5, TimeUnit.SECONDS).orElseThrow();
            assertArrayEquals(new byte[] {1, 6, 0}, first, "the ANO exchange is not passed to the database half");
        }
    }

    @Test
    void databaseHandlerGetsSessionAndCanRedactAuthPackets() throws Exception {
        OracleTestServer.Builder b = OracleTestServer.builder().service(SVC).sdu(1024).database(session -> {
            ServerNetSession.Packet p = session.read();
            session.writeData(0, new byte[3000]); // split into SDU-sized packets
            session.redactRecording(true);
            session.read();
            session.writeData(0x40, new byte[] {9});
            session.redactRecording(false);
            session.writeMarker(2);
        });
        try (OracleTestServer server = b.build().start(); Socket s = new Socket("localhost", server.port())) {
            RawClient c = new RawClient(s);
            c.sendConnect(RawClient.descriptor(server.port(), SVC));
            c.read();
            c.large = true;
            c.sendData(0, new byte[] {1});
            int total = 0;
            while (total < 3000) {
                byte[] p = c.read();
                assertTrue(p.length <= 1024, "no packet above the SDU");
                total += p.length - 10;
            }
            c.sendData(0, "secret".getBytes(StandardCharsets.US_ASCII));
            byte[] last = c.read();
            assertEquals(0x40, RawClient.u16(last, 8));
            byte[] marker = c.read();
            assertArrayEquals(new byte[] {1, 0, 2}, new byte[] {marker[8], marker[9], marker[10]});
            RecordedConnection rec = server.takeConnection(Duration.ofSeconds(5));
            assertTrue(rec.awaitEnd(5, TimeUnit.SECONDS));
            List<RecordedConnection.Packet> packets = rec.packets();
            long redacted = packets.stream().filter(p -> p.bytes() == null).count();
            assertEquals(2, redacted, "the client's auth packet and the server's reply are redacted: " + packets);
            assertTrue(packets.stream().filter(p -> p.bytes() != null).noneMatch(p -> new String(p.bytes(), StandardCharsets.ISO_8859_1).contains("secret")));
        }
    }

    @Test
    void neverAnswerKeepsSilent() throws Exception {
        try (OracleTestServer server = OracleTestServer.builder().service(SVC).build().start()
                .enqueueFault(new Fault.NeverAnswer());
                Socket s = new Socket("localhost", server.port())) {
            s.setSoTimeout(300);
            RawClient c = new RawClient(s);
            c.sendConnect(RawClient.descriptor(server.port(), SVC));
            assertThrows(SocketTimeoutException.class, c::read);
        }
    }

    @Test
    void closeAfterBytesCutsTheAnswer() throws Exception {
        try (OracleTestServer server = OracleTestServer.builder().service(SVC).build().start()) {
            server.enqueueFault(new Fault.CloseAfterBytes(20));
            try (Socket s = new Socket("localhost", server.port())) {
                RawClient c = new RawClient(s);
                c.sendConnect(RawClient.descriptor(server.port(), SVC));
                byte[] got = s.getInputStream().readAllBytes();
                assertEquals(20, got.length);
            }
        }
    }

    @Test
    void garbageAndSlowAnswers() throws Exception {
        try (OracleTestServer server = OracleTestServer.builder().service(SVC).build().start()) {
            server.enqueueFault(new Fault.SendGarbage(new byte[] {0, 3, 9, 9}));
            server.enqueueFault(new Fault.AnswerSlowly(Duration.ofMillis(50)));
            try (Socket s = new Socket("localhost", server.port())) {
                RawClient c = new RawClient(s);
                c.sendConnect(RawClient.descriptor(server.port(), SVC));
                assertArrayEquals(new byte[] {0, 3, 9, 9}, s.getInputStream().readAllBytes());
            }
            try (Socket s = new Socket("localhost", server.port())) {
                RawClient c = new RawClient(s);
                c.sendConnect(RawClient.descriptor(server.port(), SVC));
                assertEquals(2, c.read()[4], "a slow answer is still an answer");
            }
        }
    }

    @Test
    void adbHandoffRunsSecondTlsHandshakeWithDatabaseCertificate() throws Exception {
        try (OracleTestServer server = OracleTestServer.builder().tcps().service(SVC).build().start();
                Socket raw = new Socket("localhost", server.port())) {
            SSLContext ctx = clientContext(server.pki(), true);
            SSLSocket tls1 = (SSLSocket) ctx.getSocketFactory().createSocket(raw, "localhost", server.port(), false);
            tls1.startHandshake();
            assertEquals(TestPki.LISTENER_DN, subject(tls1));
            RawClient c = new RawClient(tls1.getInputStream(), tls1.getOutputStream());
            String data = RawClient.descriptor(server.port(), SVC);
            c.sendConnect(data);
            byte[] resend = c.read();
            assertEquals(11, resend[4], "RESEND");
            assertEquals(0x08, resend[5] & 0x08, "flag: new TLS handshake first");
            SSLSocket tls2 = (SSLSocket) ctx.getSocketFactory().createSocket(raw, "localhost", server.port(), false);
            tls2.startHandshake();
            assertEquals(TestPki.DATABASE_DN, subject(tls2));
            c.in = tls2.getInputStream();
            c.out = tls2.getOutputStream();
            c.sendConnect(data);
            assertEquals(2, c.read()[4]);
            assertEquals(2, server.takeConnection(Duration.ofSeconds(5)).tlsHandshakes());
        }
    }

    @Test
    void oracleSniSkipsTheHandoff() throws Exception {
        // JSSE (both ends) only accepts SNI values that are valid host names, so this service has no '_'.
        String svc = "orathin-sni";
        try (OracleTestServer server = OracleTestServer.builder().tcps().service(svc).build().start();
                Socket raw = new Socket("localhost", server.port())) {
            SSLSocket tls = (SSLSocket) clientContext(server.pki(), true).getSocketFactory().createSocket(raw, "localhost", server.port(), false);
            SSLParameters params = tls.getSSLParameters();
            String sni = "S" + svc.length() + "." + svc + ".V3.319";
            params.setServerNames(List.of(new SNIHostName(sni.getBytes(StandardCharsets.US_ASCII))));
            tls.setSSLParameters(params);
            tls.startHandshake();
            assertEquals(TestPki.DATABASE_DN, subject(tls), "SNI-routed connections meet the database directly");
            RawClient c = new RawClient(tls.getInputStream(), tls.getOutputStream());
            c.sendConnect(RawClient.descriptor(server.port(), svc));
            assertEquals(2, c.read()[4], "ACCEPT without RESEND");
            RecordedConnection rec = server.takeConnection(Duration.ofSeconds(5));
            assertEquals(sni, rec.sni().orElseThrow());
            assertEquals(1, rec.tlsHandshakes());
        }
    }

    @Test
    void tlsFaults() throws Exception {
        try (OracleTestServer server = OracleTestServer.builder().tcps().service(SVC).build().start()) {
            SSLContext ctx = clientContext(server.pki(), true);
            server.enqueueFault(new Fault.DropMidTlsHandshake());
            assertThrows(IOException.class, () -> handshake(ctx, server));
            server.enqueueFault(new Fault.OtherCaCertificate());
            assertThrows(SSLException.class, () -> handshake(ctx, server));
            server.enqueueFault(new Fault.ExpiredCertificate());
            SSLException expired = assertThrows(SSLException.class, () -> handshake(ctx, server));
            assertTrue(expired.getMessage().contains("validity") || expired.getMessage().contains("xpired"), expired.toString());
            server.enqueueFault(new Fault.WrongDnCertificate());
            try (SSLSocket s = handshake(ctx, server)) {
                assertEquals("CN=wrong.example.com,O=not the database", subject(s));
            }
            server.enqueueFault(new Fault.RejectClientCertificate());
            assertThrows(IOException.class, () -> {
                try (SSLSocket s = handshake(ctx, server)) {
                    new RawClient(s.getInputStream(), s.getOutputStream()).sendConnect(RawClient.descriptor(1, SVC));
                    s.getInputStream().read();
                }
            });
            assertThrows(IOException.class, () -> {
                try (SSLSocket s = handshake(clientContext(server.pki(), false), server)) {
                    new RawClient(s.getInputStream(), s.getOutputStream()).sendConnect(RawClient.descriptor(1, SVC));
                    if (s.getInputStream().read() < 0) {
                        throw new EOFException("closed");
                    }
                }
            }, "mutual TLS: no client certificate, no session");
        }
    }

    @Test
    void closeFreesThePortAndEndsConnections() throws Exception {
        OracleTestServer server = OracleTestServer.builder().service(SVC).build().start().enqueueFault(new Fault.NeverAnswer());
        int port = server.port();
        Socket s = new Socket("localhost", port);
        server.takeConnection(Duration.ofSeconds(5));
        server.close();
        s.setSoTimeout(5000);
        assertEquals(-1, s.getInputStream().read(), "open connections are closed with the server");
        s.close();
        assertThrows(IOException.class, () -> new Socket("localhost", port).close());
    }

    private static SSLSocket handshake(SSLContext ctx, OracleTestServer server) throws IOException {
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("localhost", server.port());
        s.setSoTimeout(10_000);
        s.startHandshake();
        return s;
    }

    private static String subject(SSLSocket s) throws IOException {
        return ((X509Certificate) s.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
    }

    static SSLContext clientContext(TestPki pki, boolean withClientCert) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", pki.ca().certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        if (withClientCert) {
            keys.setKeyEntry("client", pki.client().privateKey(), new char[0], pki.client().chain().toArray(new X509Certificate[0]));
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, new char[0]);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }
}
