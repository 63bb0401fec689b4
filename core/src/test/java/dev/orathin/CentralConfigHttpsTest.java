package dev.orathin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import java.io.FileInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue #20: config-https:// — the document fetched over HTTPS with the JDK's trust; HTTP errors and plain HTTP are typed errors. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CentralConfigHttpsTest {

    @Test
    void theDocumentComesFromAnHttpsServerTheJdkTrusts(@TempDir Path dir) throws Exception {
        Path ks = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "s", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", "changeit").redirectErrorStream(true)
                .start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, new String(keytool.getInputStream().readAllBytes()));
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(ks.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "changeit".toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext serverCtx = SSLContext.getInstance("TLS");
        serverCtx.init(kmf.getKeyManagers(), null, null);
        SSLContext trusting = SSLContext.getInstance("TLS");
        trusting.init(null, tmf.getTrustManagers(), null);

        SSLContext before = SSLContext.getDefault();
        javax.net.ssl.SSLServerSocket https = (javax.net.ssl.SSLServerSocket) serverCtx.getServerSocketFactory().createServerSocket(0, 10,
                java.net.InetAddress.getLoopbackAddress());
        try (TestDatabase db = TestDatabase.builder().user("app", "Https#2026").build();
                OracleTestServer server = OracleTestServer.builder().service("demo").database(db).build().start()) {
            byte[] doc = ("{\"demo\": {\"connect_descriptor\": \"" + server.descriptor("demo") + "\", \"user\": \"app\", \"password\":"
                    + " {\"type\": \"text\", \"value\": \"Https#2026\"}}}").getBytes(StandardCharsets.UTF_8);
            Thread serve = new Thread(() -> serve(https, doc), "config-https-test-server");
            serve.setDaemon(true);
            serve.start();
            SSLContext.setDefault(trusting); // the JDK's default trust, as a corporate CA in cacerts would be
            String base = "config-https://localhost:" + https.getLocalPort() + "/cfg/";
            try (OracleConnection c = Orathin.connect(ConnectParams.builder().dsn(base + "db.json?key=demo").build());
                    Cursor cur = c.execute("select 2 * 21 from dual")) {
                assertTrue(cur.next());
                assertEquals(42, cur.getInt(1));
            }
            OrathinUsageException notFound = assertThrows(OrathinUsageException.class,
                    () -> Orathin.prepare(ConnectParams.builder().dsn(base + "missing.json").build()));
            assertEquals(CoreErrorCode.CONFIG_SOURCE, notFound.errorCode());
            assertTrue(notFound.getMessage().contains("HTTP 404"), notFound.getMessage());
            SSLContext.setDefault(before); // now the server's certificate is not trusted
            OrathinUsageException untrusted = assertThrows(OrathinUsageException.class,
                    () -> Orathin.prepare(ConnectParams.builder().dsn(base + "db.json?key=demo").build()));
            assertEquals(CoreErrorCode.CONFIG_SOURCE, untrusted.errorCode());
        } finally {
            SSLContext.setDefault(before);
            https.close();
        }
    }

    /** A minimal HTTPS/1.1 server: /cfg/db.json is the document, anything else 404. */
    private static void serve(java.net.ServerSocket server, byte[] doc) {
        while (!server.isClosed()) {
            try (java.net.Socket s = server.accept()) {
                s.setSoTimeout(10_000);
                java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                String request = in.readLine();
                for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
                    // headers are not needed
                }
                boolean found = request != null && request.startsWith("GET /cfg/db.json ");
                byte[] body = found ? doc : new byte[0];
                String head = "HTTP/1.1 " + (found ? "200 OK" : "404 Not Found") + "\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length + "\r\nConnection: close\r\n\r\n";
                s.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().write(body);
                s.getOutputStream().flush();
            } catch (java.io.IOException e) {
                // a failed handshake (the untrusted case) or a closed server: next connection
            }
        }
    }
}
