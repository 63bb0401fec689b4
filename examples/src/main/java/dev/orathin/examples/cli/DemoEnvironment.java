package dev.orathin.examples.cli;

import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.PrivateFiles;
import dev.orathin.testkit.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import org.littleshoot.proxy.HttpProxyServer;
import org.littleshoot.proxy.impl.DefaultHttpProxyServer;

/**
 * What the demo (and {@code testkit serve}) runs locally: the testkit listener and database with
 * an ADB-style TCPS service and the listener hand-off, a freshly generated wallet and config
 * directory (plus {@code wallet.zip}), and optionally a real HTTP CONNECT proxy, all on loopback.
 * The throw-away passwords are written to files in the directory (owner-only), never printed.
 */
public final class DemoEnvironment implements AutoCloseable {

    /** The database user the demo creates. */
    public static final String USER = "demo";

    private final OracleTestServer server;
    private final HttpProxyServer proxy;
    private final Path dir;
    private final String alias;

    private DemoEnvironment(OracleTestServer server, HttpProxyServer proxy, Path dir, String alias) {
        this.server = server;
        this.proxy = proxy;
        this.dir = dir;
        this.alias = alias;
    }

    /**
     * Starts the server (and proxy), writes the config directory.
     *
     * @param dir where to write the wallet and config (created if missing)
     * @param dbName the database name: services {@code <name>_high} and {@code <name>_low}
     * @param port the listener port, 0 for any free port
     * @param withProxy whether to start an HTTP CONNECT proxy
     */
    public static DemoEnvironment start(Path dir, String dbName, int port, boolean withProxy) {
        SecureRandom random = new SecureRandom();
        char[] password = randomPassword(random);
        char[] walletPassword = randomPassword(random);
        OracleTestServer server = null;
        HttpProxyServer proxy = null;
        try {
            PrivateFiles.directory(dir);
            server = OracleTestServer.builder().tcps().port(port).service(dbName + "_high", dbName + "_low")
                    .database(TestDatabase.withUsers(Map.of(USER.toUpperCase(java.util.Locale.ROOT), password.clone()))).build().start();
            server.writeClientConfig(dir, walletPassword);
            PrivateFiles.write(dir.resolve("wallet.zip"), server.walletZip(walletPassword));
            writeSecret(dir.resolve("password.txt"), password);
            writeSecret(dir.resolve("wallet-password.txt"), walletPassword);
            if (withProxy) {
                proxy = DefaultHttpProxyServer.bootstrap().withAddress(new InetSocketAddress("127.0.0.1", 0)).start();
            }
            return new DemoEnvironment(server, proxy, dir, dbName + "_high");
        } catch (IOException e) {
            closeQuietly(server, proxy);
            throw new CliException(CliErrorCode.INPUT_UNREADABLE, dir + ": cannot write the demo configuration: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(server, proxy);
            throw e;
        } finally {
            java.util.Arrays.fill(password, '\0');
            java.util.Arrays.fill(walletPassword, '\0');
        }
    }

    private static char[] randomPassword(SecureRandom random) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        char[] c = new char[20];
        for (int i = 0; i < c.length; i++) {
            c[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        c[3] = '#';
        return c;
    }

    private static void writeSecret(Path file, char[] secret) throws IOException {
        java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(secret.length + 1).put(secret).put('\n').flip();
        java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.encode(chars);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        try {
            PrivateFiles.write(file, bytes);
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
            java.util.Arrays.fill(chars.array(), '\0');
        }
    }

    private static void closeQuietly(OracleTestServer server, HttpProxyServer proxy) {
        if (proxy != null) {
            proxy.abort();
        }
        if (server != null) {
            server.close();
        }
    }

    /** The test server. */
    public OracleTestServer server() {
        return server;
    }

    /** The proxy's port, or -1 without a proxy. */
    public int proxyPort() {
        return proxy == null ? -1 : proxy.getListenAddress().getPort();
    }

    /** The config and wallet directory. */
    public Path dir() {
        return dir;
    }

    /** The tnsnames.ora alias to connect to ({@code <name>_high}). */
    public String alias() {
        return alias;
    }

    /** The file holding the database password. */
    public Path passwordFile() {
        return dir.resolve("password.txt");
    }

    /** The file holding the wallet password. */
    public Path walletPasswordFile() {
        return dir.resolve("wallet-password.txt");
    }

    /** Reads a password file written by {@link #start}. */
    public static char[] read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the proxy and the server. Idempotent. */
    @Override
    public void close() {
        closeQuietly(server, proxy);
    }
}
