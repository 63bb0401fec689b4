package dev.orathin.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/** An in-memory TLS handshake between two SSLEngines (no sockets), bounded by a step count. */
final class TlsLoop {

    private TlsLoop() {
    }

    /** Completes a mutual-TLS handshake and one application record each way, or fails. */
    static void handshake(Wallet clientWallet, Wallet serverWallet) throws SSLException {
        SSLEngine client = clientWallet.sslContext().createSSLEngine("localhost", 1522);
        client.setUseClientMode(true);
        SSLEngine server = serverWallet.sslContext().createSSLEngine();
        server.setUseClientMode(false);
        server.setNeedClientAuth(true);
        int size = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
        ByteBuffer c2s = ByteBuffer.allocate(size * 4);
        ByteBuffer s2c = ByteBuffer.allocate(size * 4);
        ByteBuffer clientApp = ByteBuffer.allocate(size * 2);
        ByteBuffer serverApp = ByteBuffer.allocate(size * 2);
        ByteBuffer clientOut = ByteBuffer.wrap("ping".getBytes());
        ByteBuffer serverOut = ByteBuffer.wrap("pong".getBytes());
        client.beginHandshake();
        server.beginHandshake();
        for (int step = 0; step < 1000; step++) {
            wrap(client, clientOut, c2s);
            wrap(server, serverOut, s2c);
            c2s.flip();
            s2c.flip();
            unwrap(client, s2c, clientApp);
            unwrap(server, c2s, serverApp);
            c2s.compact();
            s2c.compact();
            if (clientApp.position() == 4 && serverApp.position() == 4) {
                assertEquals("pong", new String(clientApp.array(), 0, 4));
                assertEquals("ping", new String(serverApp.array(), 0, 4));
                assertEquals(serverWallet.certificateChain().get(0), client.getSession().getPeerCertificates()[0]);
                assertEquals(clientWallet.certificateChain().get(0), server.getSession().getPeerCertificates()[0]);
                return;
            }
        }
        throw new AssertionError("handshake did not complete in 1000 steps");
    }

    private static void wrap(SSLEngine e, ByteBuffer app, ByteBuffer net) throws SSLException {
        SSLEngineResult r = e.wrap(app, net);
        runTasks(e, r);
    }

    private static void unwrap(SSLEngine e, ByteBuffer net, ByteBuffer app) throws SSLException {
        while (net.hasRemaining()) {
            SSLEngineResult r = e.unwrap(net, app);
            runTasks(e, r);
            if (r.getStatus() != SSLEngineResult.Status.OK || r.bytesConsumed() == 0) {
                break;
            }
        }
    }

    private static void runTasks(SSLEngine e, SSLEngineResult r) {
        if (r.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
            Runnable t;
            while ((t = e.getDelegatedTask()) != null) {
                t.run();
            }
        }
    }
}
