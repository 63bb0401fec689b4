package dev.orathin.it.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay in front of a server that can make the network go silent ({@link #freeze()}: bytes
 * in either direction are swallowed, sockets stay open) or cut every connection ({@link #cut()}),
 * the way a dead NAT entry or a killed host looks to the client.
 */
final class Relay implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private volatile boolean frozen;
    private final java.util.concurrent.atomic.AtomicReference<java.util.function.UnaryOperator<byte[]>> nextDown =
            new java.util.concurrent.atomic.AtomicReference<>();
    /** Client-side sockets accepted (their remote port is the client's local port). */
    final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final List<Socket> all = new CopyOnWriteArrayList<>();

    Relay(int targetPort) {
        this.targetPort = targetPort;
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon("relay-accept-" + port(), this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    /** The next chunk the server sends is passed through {@code mutator} before the client sees it. */
    void mutateNextFromServer(java.util.function.UnaryOperator<byte[]> mutator) {
        nextDown.set(mutator);
    }

    void freeze() {
        frozen = true;
    }

    /** Closes every relayed connection (the client sees the peer go away). */
    void cut() {
        for (Socket s : all) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket c = server.accept();
                Socket s = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                clients.add(c);
                all.add(c);
                all.add(s);
                daemon("relay-up", () -> pump(c, s, false));
                daemon("relay-down", () -> pump(s, c, true));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean down) {
        byte[] buf = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                java.util.function.UnaryOperator<byte[]> m = down ? nextDown.getAndSet(null) : null;
                if (m != null) {
                    byte[] b = m.apply(java.util.Arrays.copyOf(buf, n));
                    out.write(b);
                    out.flush();
                } else if (!frozen) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            }
        } catch (IOException ignored) {
            // one side went away: the other is closed below
        } finally {
            try {
                to.close();
                from.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private static void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // teardown
        }
        cut();
    }
}
