package dev.orathin.testkit;

import dev.orathin.testkit.spi.DatabaseHandler;
import dev.orathin.testkit.spi.ServerNetSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process Oracle Net listener (and, with a {@link DatabaseHandler}, database) on loopback,
 * for tests and demos — what MockWebServer is for HTTP.
 *
 * <p>It speaks plain TCP or TCPS with client-certificate authentication, answers CONNECT with
 * ACCEPT, REFUSE (unknown service: ORA-12514, as a real listener), REDIRECT or — over TCPS — the
 * ADB listener hand-off (RESEND with the TLS-renegotiation flag, then a second TLS handshake on the
 * same socket presenting the database certificate). Scripted {@link Fault}s misbehave on purpose;
 * every connection is recorded as a {@link RecordedConnection}.
 *
 * <p>Three-line JUnit usage:
 * <pre>{@code
 * try (OracleTestServer server = OracleTestServer.builder().tcps().service("orathin_high").build().start()) {
 *     Path dir = server.writeClientConfig(tempDir, "WalletPasswd123".toCharArray());  // tnsnames.ora, wallets...
 *     // connect any Oracle client with configDir = dir, dsn = "orathin_high"; then server.takeConnection(...)
 * }
 * }</pre>
 * or declaratively with {@link dev.orathin.testkit.junit.OracleTestServerExtension}.
 */
public final class OracleTestServer implements AutoCloseable {

    /** Default bound on every read the server does, so a silent client never pins a thread. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    final Builder config;
    private final TlsContexts tls;
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final BlockingQueue<RecordedConnection> recorded = new LinkedBlockingQueue<>();
    private final List<RecordedConnection> all = Collections.synchronizedList(new ArrayList<>());
    private final Set<Socket> open = Collections.newSetFromMap(new java.util.concurrent.ConcurrentHashMap<>());
    private final AtomicInteger ids = new AtomicInteger();
    private ServerSocket serverSocket;
    private ThreadPoolExecutor workers;
    private Thread acceptor;
    private volatile boolean closed;

    private OracleTestServer(Builder b) {
        this.config = b;
        this.tls = b.tcps ? new TlsContexts(b.pki) : null;
    }

    /** A builder with defaults: plain TCP, service {@code orathin}, no database half. */
    public static Builder builder() {
        return new Builder();
    }

    /** Binds to an ephemeral (or the configured) port on 127.0.0.1 and starts accepting. */
    public synchronized OracleTestServer start() {
        if (serverSocket != null) {
            return this;
        }
        try {
            serverSocket = new ServerSocket();
            serverSocket.setReuseAddress(true);
            serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("testkit listener cannot bind port " + config.port, e);
        }
        AtomicInteger threadIds = new AtomicInteger();
        workers = new ThreadPoolExecutor(0, config.maxConnections, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "orathin-testkit-" + port() + "-conn-" + threadIds.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        acceptor = new Thread(this::acceptLoop, "orathin-testkit-" + port() + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return this;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = serverSocket.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            RecordedConnection rec = new RecordedConnection(ids.incrementAndGet());
            all.add(rec);
            recorded.add(rec);
            open.add(s);
            Fault fault = faults.poll();
            try {
                workers.execute(() -> {
                    try {
                        new ListenerConnection(this, s, rec, fault, tls).run();
                    } finally {
                        open.remove(s);
                        closeQuietly(s);
                    }
                });
            } catch (RejectedExecutionException e) {
                rec.end("rejected: more than " + config.maxConnections + " connections");
                open.remove(s);
                closeQuietly(s);
            }
        }
    }

    /** The port the listener is bound to. */
    public int port() {
        if (serverSocket == null) {
            throw new IllegalStateException("server not started");
        }
        return serverSocket.getLocalPort();
    }

    /** The host name clients should dial: {@code localhost}, which the certificates' SANs cover. */
    public String host() {
        return "localhost";
    }

    /** True when the server speaks TCPS. */
    public boolean isTcps() {
        return config.tcps;
    }

    /** The services this server accepts (in the order given). */
    public List<String> services() {
        return List.copyOf(config.services);
    }

    /** The PKI whose CA signs the server and client certificates. */
    public TestPki pki() {
        return config.pki;
    }

    /** Makes the next accepted connection misbehave as scripted (faults are used in order). */
    public OracleTestServer enqueueFault(Fault fault) {
        faults.add(Objects.requireNonNull(fault, "fault"));
        return this;
    }

    /** Waits for the next connection accepted since the last call (in accept order). */
    public RecordedConnection takeConnection(Duration timeout) throws InterruptedException {
        RecordedConnection c = recorded.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (c == null) {
            throw new AssertionError("no connection reached the testkit listener on port " + port() + " within " + timeout);
        }
        return c;
    }

    /** Every connection accepted so far. */
    public List<RecordedConnection> connections() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    /** A tnsnames.ora descriptor for {@code service} on this server, ADB style. */
    public String descriptor(String service) {
        return ClientConfig.descriptor(this, service);
    }

    /**
     * Writes a client configuration directory the way an ADB wallet download looks (tnsnames.ora,
     * sqlnet.ora, ewallet.pem, ewallet.p12, cwallet.sso, keystore.jks, truststore.jks,
     * ojdbc.properties, README) and returns it.
     */
    public java.nio.file.Path writeClientConfig(java.nio.file.Path dir, char[] walletPassword) {
        return ClientConfig.write(this, dir, walletPassword);
    }

    /** The same files as {@link #writeClientConfig} packed as an ADB {@code wallet.zip}. */
    public byte[] walletZip(char[] walletPassword) {
        return ClientConfig.zip(this, walletPassword);
    }

    /** Stops accepting, closes every open connection and frees the port. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        if (serverSocket != null) {
            closeQuietly(serverSocket);
        }
        for (Socket s : List.copyOf(open)) {
            closeQuietly(s);
        }
        if (workers != null) {
            workers.shutdownNow();
            try {
                workers.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (config.database instanceof AutoCloseable db) {
            closeQuietly(db);
        }
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing on teardown: nothing useful to do with a failure
        }
    }

    @Override
    public String toString() {
        return "OracleTestServer[" + (config.tcps ? "tcps" : "tcp") + "://localhost:" + (serverSocket == null ? "-" : port())
                + " services=" + config.services + "]";
    }

    /** Configuration of an {@link OracleTestServer}. */
    public static final class Builder {
        boolean tcps;
        boolean handoff = true;
        boolean requireClientCertificate = true;
        boolean fastAuth;
        boolean nativeEncryptionRequired;
        int port;
        int sdu = 8192;
        int maxConnections = 256;
        int version = 319;
        Duration readTimeout = DEFAULT_READ_TIMEOUT;
        final Set<String> services = new LinkedHashSet<>();
        final Map<String, Integer> refusals = new HashMap<>();
        final Map<String, String> redirects = new HashMap<>();
        TestPki pki;
        DatabaseHandler database;
        Profile profile;
        Long splitSeed;

        private Builder() {
        }

        /** Speak TCPS (mutual TLS, ADB hand-off on by default) instead of plain TCP. */
        public Builder tcps() {
            this.tcps = true;
            return this;
        }

        /** Adds a service name the listener accepts (matched case-insensitively). */
        public Builder service(String... names) {
            for (String n : names) {
                services.add(n.toLowerCase(Locale.ROOT));
            }
            return this;
        }

        /** Whether TCPS connections go through the ADB hand-off (RESEND + second TLS). Default on. */
        public Builder adbHandoff(boolean on) {
            this.handoff = on;
            return this;
        }

        /** Whether TCPS requires a client certificate (mutual TLS). Default on. */
        public Builder requireClientCertificate(boolean on) {
            this.requireClientCertificate = on;
            return this;
        }

        /** Whether ACCEPT offers fast authentication (only if the database half implements it). */
        public Builder fastAuth(boolean on) {
            this.fastAuth = on;
            return this;
        }

        /** Make ACCEPT say native network encryption is required (NSI flag NAREQUIRED), as a server with SQLNET.ENCRYPTION_SERVER=required. */
        public Builder nativeEncryptionRequired() {
            this.nativeEncryptionRequired = true;
            return this;
        }

        /**
         * Behave like this real server version at negotiation and around calls (ACCEPT version and
         * flags, SDU, fast auth, END_OF_RESPONSE, banner, piggybacks; AUTONOMOUS also turns on TCPS
         * with the listener hand-off). Later builder calls override single settings.
         */
        public Builder profile(Profile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            this.version = profile.acceptVersion();
            this.sdu = profile.maxSdu();
            this.fastAuth = profile.fastAuth();
            if (profile.autonomous()) {
                this.tcps = true;
                this.handoff = true;
            }
            return this;
        }

        /**
         * Split server messages across DATA packets at random boundaries, on every connection: each
         * connection gets a small SDU drawn from the seed (512..2048 bytes; replayable), and every
         * reply longer than it continues in the next packet at whatever byte the boundary falls on,
         * as real servers send replies larger than the SDU (full packets up to the last one).
         */
        public Builder splitMessages(long seed) {
            this.splitSeed = seed;
            return this;
        }

        /** Fixed port (0, the default, picks a free one). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Largest SDU the server grants (the client's request is lowered to it). Default 8192. */
        public Builder sdu(int sdu) {
            if (sdu < 512 || sdu > 2_097_152) {
                throw new IllegalArgumentException("SDU must be 512..2097152, was " + sdu);
            }
            this.sdu = sdu;
            return this;
        }

        /** Highest TNS version the server accepts (315..319; default 319). */
        public Builder version(int version) {
            if (version < 315 || version > 319) {
                throw new IllegalArgumentException("version must be 315..319, was " + version);
            }
            this.version = version;
            return this;
        }

        /** Bound on each read from a client. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** Refuse connections to {@code service} with this TNS error number (e.g. 12519, 12516). */
        public Builder refuse(String service, int errorNumber) {
            service(service);
            refusals.put(service.toLowerCase(Locale.ROOT), errorNumber);
            return this;
        }

        /** Redirect connections for {@code service} to another listener at host:port. */
        public Builder redirect(String service, String host, int port) {
            service(service);
            redirects.put(service.toLowerCase(Locale.ROOT), host + ":" + port);
            return this;
        }

        /** Use this PKI (default: {@link TestPki#shared()}). */
        public Builder pki(TestPki pki) {
            this.pki = pki;
            return this;
        }

        /** The database half that serves TTC after ACCEPT (default: record the first message, close). */
        public Builder database(DatabaseHandler handler) {
            this.database = handler;
            return this;
        }

        /** Most simultaneous connections; more are closed at once. */
        public Builder maxConnections(int n) {
            this.maxConnections = n;
            return this;
        }

        /** Builds the server (not started). */
        public OracleTestServer build() {
            if (services.isEmpty()) {
                services.add("orathin");
            }
            if (pki == null && tcps) {
                pki = TestPki.shared();
            }
            if (pki == null) {
                pki = TestPki.shared();
            }
            return new OracleTestServer(this);
        }
    }

    /** What the default database half does: remember the first TTC message, then hang up. */
    static void recordFirstMessageAndClose(ServerNetSession session) throws IOException {
        ServerNetSession.Packet p;
        while ((p = session.read()) != null) {
            if (p.type() == 6) {
                return;
            }
        }
    }

    static boolean isSocketClosed(Throwable e) {
        return e instanceof SocketException;
    }
}
