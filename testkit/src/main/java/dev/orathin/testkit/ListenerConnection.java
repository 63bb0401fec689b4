package dev.orathin.testkit;

import dev.orathin.testkit.spi.ServerNetSession;
import dev.orathin.testkit.internal.net.Ano;
import dev.orathin.testkit.internal.net.PacketSplitter;
import dev.orathin.testkit.internal.net.TnsWire;
import dev.orathin.testkit.internal.net.TnsWire.RawPacket;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/** One client connection to the test listener, run on its own thread from accept to close. */
final class ListenerConnection {

    private static final Pattern SERVICE = Pattern.compile("\\(\\s*SERVICE_NAME\\s*=\\s*([^)]*?)\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SID = Pattern.compile("\\(\\s*SID\\s*=\\s*([^)]*?)\\s*\\)", Pattern.CASE_INSENSITIVE);

    /** ACCEPT flags2 bit: fast authentication offered (protocol.md §3.1). */
    private static final int ACCEPT_FLAG_FAST_AUTH = 0x10000000;
    /** RESEND packet flag: run a new TLS handshake before resending (protocol.md §3.4). */
    private static final int RESEND_FLAG_TLS_RENEG = 0x08;
    /** REDIRECT packet flag: data is {@code address \0 connect-data} (protocol.md §3.3). */
    private static final int REDIRECT_FLAG_DATA = 0x02;

    private final OracleTestServer server;
    private final OracleTestServer.Builder config;
    private final Socket raw;
    private final RecordedConnection rec;
    private final Fault fault;
    private final TlsContexts tls;
    private SSLSocket[] tlsLayers = new SSLSocket[2];

    ListenerConnection(OracleTestServer server, Socket raw, RecordedConnection rec, Fault fault, TlsContexts tls) {
        this.server = server;
        this.config = server.config;
        this.raw = raw;
        this.rec = rec;
        this.fault = fault;
        this.tls = tls;
    }

    void run() {
        try {
            raw.setSoTimeout((int) Math.min(Integer.MAX_VALUE, config.readTimeout.toMillis()));
            raw.setTcpNoDelay(true);
            if (fault instanceof Fault.NeverAnswer) {
                drain(raw.getInputStream());
                rec.end("fault: never answered");
                return;
            }
            InputStream in = raw.getInputStream();
            OutputStream out = raw.getOutputStream();
            String sni = null;
            if (config.tcps) {
                if (fault instanceof Fault.DropMidTlsHandshake) {
                    in.readNBytes(new byte[16], 0, 16);
                    rec.end("fault: dropped mid TLS handshake");
                    return;
                }
                TestCertificate cert = fault instanceof Fault.WrongDnCertificate ? server.pki().wrongDn()
                        : fault instanceof Fault.ExpiredCertificate ? server.pki().expired()
                        : fault instanceof Fault.OtherCaCertificate ? server.pki().fromOtherCa()
                        : server.pki().listener();
                SSLSocket s = handshake(tls.first(cert, fault instanceof Fault.RejectClientCertificate), 0);
                sni = TlsContexts.sniOf(s.getSession());
                rec.sni(sni);
                in = s.getInputStream();
                out = s.getOutputStream();
            }
            TnsWire wire = new TnsWire(in, faulty(out), rec::packet);
            Connect connect = readConnect(wire);
            if (connect == null) {
                rec.end("closed by client before CONNECT");
                return;
            }
            if (fault instanceof Fault.SendGarbage g) {
                wire.writeRaw(g.bytes());
                rec.end("fault: sent garbage");
                return;
            }
            String service = connect.service();
            String key = service == null ? "" : service.toLowerCase(Locale.ROOT);
            if (!config.services.contains(key)) {
                refuse(wire, 12514);
                return;
            }
            Integer refusal = config.refusals.get(key);
            if (refusal != null) {
                refuse(wire, refusal);
                return;
            }
            String redirect = config.redirects.get(key);
            if (redirect != null) {
                redirect(wire, redirect, connect);
                return;
            }
            boolean sniRouted = sni != null && TlsContexts.ORACLE_SNI.matcher(sni).matches();
            if (config.tcps && config.handoff && !sniRouted) {
                // ADB listener hand-off (protocol.md §3.4): RESEND + flag 0x08, then a brand-new TLS
                // handshake on the same TCP socket, now with the database certificate.
                wire.write(TnsWire.RESEND, RESEND_FLAG_TLS_RENEG, new byte[0]);
                SSLSocket s2 = handshake(tls.second(), 1);
                wire.rebind(s2.getInputStream(), faulty(s2.getOutputStream()));
                connect = readConnect(wire);
                if (connect == null) {
                    rec.end("closed by client after RESEND");
                    return;
                }
            }
            int version = Math.min(config.version, connect.version());
            if (version < 315) {
                refuse(wire, 12516);
                return;
            }
            int sdu = (int) Math.max(512, Math.min(config.sdu, connect.sdu()));
            Long splitSeed = fault instanceof Fault.SplitMessages f ? Long.valueOf(f.seed()) : config.splitSeed;
            if (splitSeed != null) {
                sdu = Math.min(sdu, PacketSplitter.sdu(splitSeed, rec.id())); // replies continue across packets at random bytes
            }
            wire.write(TnsWire.ACCEPT, 0, accept(version, sdu));
            wire.useLargeLengths(true);
            Session session = new Session(wire, connect, version, sdu);
            session.answerAno();
            if (config.database != null) {
                config.database.serve(session);
            } else {
                OracleTestServer.recordFirstMessageAndClose(session);
            }
            rec.end(rec.outcome().equals("open") ? "session ended" : rec.outcome());
        } catch (SocketTimeoutException e) {
            rec.end("read timeout after " + config.readTimeout);
        } catch (SSLException e) {
            rec.end("TLS failed: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            rec.end("ended: " + e);
        } finally {
            for (SSLSocket s : tlsLayers) {
                // Never close a TLS layer (no close_notify is expected); closing the raw socket ends all.
                if (s != null) {
                    tlsLayers = new SSLSocket[2];
                }
            }
            OracleTestServer.closeQuietly(raw);
        }
    }

    private SSLSocket handshake(SSLContext ctx, int index) throws IOException {
        // autoClose=false: abandoning this layer for the next handshake must not close the TCP socket.
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(raw, null, raw.getPort(), false);
        s.setUseClientMode(false);
        s.setNeedClientAuth(config.requireClientCertificate || fault instanceof Fault.RejectClientCertificate);
        s.startHandshake();
        tlsLayers[index] = s;
        rec.tlsHandshakeDone(s.getSession().getProtocol());
        return s;
    }

    private OutputStream faulty(OutputStream out) {
        if (fault instanceof Fault.CloseAfterBytes c) {
            return new FilterOutputStream(out) {
                private long written;

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    long room = c.bytes() - written;
                    if (len >= room) {
                        out.write(b, off, (int) Math.max(0, room));
                        out.flush();
                        raw.close();
                        throw new IOException("testkit fault: closed after " + c.bytes() + " bytes");
                    }
                    written += len;
                    out.write(b, off, len);
                }
            };
        }
        if (fault instanceof Fault.AnswerSlowly s) {
            return new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    try {
                        Thread.sleep(s.delay().toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted", e);
                    }
                    out.write(b, off, len);
                }
            };
        }
        return out;
    }

    /** A parsed CONNECT: version, SDU and the connect data text. */
    private record Connect(int version, long sdu, String data) {
        String service() {
            Matcher m = SERVICE.matcher(data);
            if (m.find()) {
                return m.group(1);
            }
            m = SID.matcher(data);
            return m.find() ? m.group(1) : null;
        }
    }

    /**
     * Reads a CONNECT (protocol.md §2.1): connect data inline when it fits, else in the DATA
     * packet that follows (data longer than 230 bytes).
     */
    private Connect readConnect(TnsWire wire) throws IOException {
        RawPacket p = wire.read();
        if (p == null) {
            return null;
        }
        if (p.type() != TnsWire.CONNECT || p.bytes().length < 34) {
            throw new IOException("expected CONNECT (type 1, >= 34 bytes), got type " + p.type() + " length " + p.bytes().length);
        }
        int version = p.u16(8);
        long sdu = p.bytes().length >= 62 ? p.u32(58) : p.u16(14);
        if (sdu == 0) {
            sdu = p.u16(14) == 0 ? 65535 : p.u16(14);
        }
        int len = p.u16(24);
        int off = p.u16(26);
        String data;
        if (len == 0) {
            data = "";
        } else if (off + len <= p.bytes().length) {
            data = new String(p.bytes(), off, len, StandardCharsets.US_ASCII);
        } else {
            RawPacket d = wire.read();
            if (d == null || d.type() != TnsWire.DATA) {
                throw new IOException("expected DATA with " + len + " bytes of connect data after CONNECT");
            }
            byte[] t = d.tail(10);
            data = new String(t, 0, Math.min(len, t.length), StandardCharsets.US_ASCII);
        }
        rec.connectData(data);
        return new Connect(version, sdu, data);
    }

    /** REFUSE (protocol.md §3.2) with the error text a real listener sends. */
    private void refuse(TnsWire wire, int error) throws IOException {
        String text = "(DESCRIPTION=(TMP=)(VSNNUM=386924544)(ERR=" + error + ")(ERROR_STACK=(ERROR=(CODE=" + error
                + ")(EMFI=4))))";
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[4 + t.length];
        body[0] = 34; // user reason, as listeners send
        body[1] = 0;
        body[2] = (byte) (t.length >>> 8);
        body[3] = (byte) t.length;
        System.arraycopy(t, 0, body, 4, t.length);
        wire.write(TnsWire.REFUSE, 0, body);
        rec.end("refused " + error);
    }

    /** REDIRECT (protocol.md §3.3): a 10-byte REDIRECT then DATA {@code address \0 connectdata}. */
    private void redirect(TnsWire wire, String hostPort, Connect connect) throws IOException {
        int colon = hostPort.lastIndexOf(':');
        String address = "(ADDRESS=(PROTOCOL=" + (config.tcps ? "tcps" : "tcp") + ")(HOST=" + hostPort.substring(0, colon)
                + ")(PORT=" + hostPort.substring(colon + 1) + "))";
        byte[] data = (address + "\0" + connect.data()).getBytes(StandardCharsets.US_ASCII);
        wire.write(TnsWire.REDIRECT, REDIRECT_FLAG_DATA, new byte[] {(byte) (data.length >>> 8), (byte) data.length});
        byte[] body = new byte[2 + data.length];
        System.arraycopy(data, 0, body, 2, data.length);
        wire.write(TnsWire.DATA, 0, body);
        rec.end("redirected to " + hostPort);
    }

    /** ACCEPT body (protocol.md §3.1 and §12.3): 61 bytes at version 319, 45 at 318, 41 below. */
    private byte[] accept(int version, int sdu) {
        int length = version >= 319 ? 61 : version >= 318 ? 45 : 41;
        byte[] b = new byte[length - 8];
        put16(b, 0, version);
        put16(b, 2, 0x0001); // global service options
        boolean real = config.profile != null; // profiles send what 18c XE and 23ai sent (real-packets muhdur-handshake, muhdur-*)
        put16(b, 4, real ? 0 : Math.min(sdu, 65535)); // real servers: 0 here, the SDU is in the 32-bit field
        put16(b, 6, real ? 0 : Math.min(sdu, 65535));
        put16(b, 8, real ? 0x0100 : 0x0001); // "value of 1" in the server's byte order: real servers send 01 00
        put16(b, 10, 0); // accept data length
        put16(b, 12, length); // accept data offset = packet length
        int nsi = config.profile == null ? 0x04 : config.profile.nsiFlags(); // real servers: 0xC5 (NA disabled 0x04, reneg 0x80, ...)
        b[14] = (byte) (config.nativeEncryptionRequired ? 0x10 | 0x01 : nsi); // NSI flags0: NA disabled -> no ANO (§4); 0x10 = NA required
        b[15] = (byte) (real ? 0 : 0x08); // NSI flags1: no NA services (real servers: 0)
        put32(b, 24, sdu);
        put32(b, 28, sdu);
        b[32] = 0; // compression off
        if (version >= 318) {
            int flags2 = config.profile == null ? 0 : config.profile.acceptFlags2() & ~ACCEPT_FLAG_FAST_AUTH;
            put32(b, 33, flags2 | (config.fastAuth ? ACCEPT_FLAG_FAST_AUTH : 0));
        }
        if (version >= 319) {
            byte[] uuid = new byte[16]; // database UUID: ojdbc11 23.x needs these 16 bytes
            new SecureRandom().nextBytes(uuid);
            System.arraycopy(uuid, 0, b, 37, 16);
        }
        return b;
    }

    private static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    private static void put32(byte[] b, int off, int v) {
        put16(b, off, v >>> 16);
        put16(b, off + 2, v);
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[4096];
        while (in.read(buf) >= 0) {
            // discard until the client or the server closes
        }
    }

    /** The post-ACCEPT session handed to the database half. */
    private final class Session implements ServerNetSession {
        private final TnsWire wire;
        private final Connect connect;
        private final int version;
        private final int sdu;
        private Packet pending;

        Session(TnsWire wire, Connect connect, int version, int sdu) {
            this.wire = wire;
            this.connect = connect;
            this.version = version;
            this.sdu = sdu;
        }

        @Override
        public Profile profile() {
            return config.profile;
        }

        @Override
        public String connectData() {
            return connect.data();
        }

        @Override
        public String serviceName() {
            return connect.service();
        }

        @Override
        public int version() {
            return version;
        }

        @Override
        public int sdu() {
            return sdu;
        }

        @Override
        public boolean fastAuthOffered() {
            return config.fastAuth;
        }

        /**
         * Some clients send an ANO request first whatever the ACCEPT flags say (python-oracledb
         * 1.x always does): answer it here, declining every service, so the database half only
         * sees TTC. Anything else is kept for the first {@link #read()}.
         */
        void answerAno() throws IOException {
            Packet first = readPacket();
            if (first != null && first.type() == TnsWire.DATA && Ano.isRequest(first.payload())) {
                writeUnsplit(Ano.reply(first.payload())); // not TTC: real servers answer ANO in one packet
            } else {
                pending = first;
            }
        }

        @Override
        public Packet read() throws IOException {
            if (pending != null) {
                Packet p = pending;
                pending = null;
                recordTtc(p);
                return p;
            }
            Packet p = readPacket();
            recordTtc(p);
            return p;
        }

        private void recordTtc(Packet p) {
            if (p != null && p.type() == TnsWire.DATA && p.payload().length > 0) {
                rec.firstTtcMessage(p.payload());
            }
        }

        private Packet readPacket() throws IOException {
            RawPacket p = wire.read();
            if (p == null) {
                rec.end("closed by client");
                return null;
            }
            if (p.type() == TnsWire.DATA) {
                int dataFlags = p.bytes().length >= 10 ? p.u16(8) : 0;
                byte[] payload = p.tail(10);
                return new Packet(p.type(), p.flags(), dataFlags, payload);
            }
            return new Packet(p.type(), p.flags(), 0, p.tail(8));
        }

        private void writeUnsplit(byte[] payload) throws IOException {
            byte[] body = new byte[2 + payload.length];
            System.arraycopy(payload, 0, body, 2, payload.length);
            wire.write(TnsWire.DATA, 0, body);
        }

        @Override
        public void writeData(int dataFlags, byte[] payload) throws IOException {
            int max = sdu - 10;
            int off = 0;
            do {
                int n = Math.min(max, payload.length - off);
                boolean last = off + n >= payload.length;
                byte[] body = new byte[2 + n];
                int flags = last ? dataFlags : 0;
                body[0] = (byte) (flags >>> 8);
                body[1] = (byte) flags;
                System.arraycopy(payload, off, body, 2, n);
                wire.write(TnsWire.DATA, 0, body);
                off += n;
            } while (off < payload.length);
        }

        @Override
        public void writeMarker(int markerType) throws IOException {
            wire.write(TnsWire.MARKER, 0, new byte[] {1, 0, (byte) markerType});
        }

        @Override
        public void redactRecording(boolean on) {
            rec.redact(on);
        }

        @Override
        public void close() {
            OracleTestServer.closeQuietly(raw);
        }
    }
}
