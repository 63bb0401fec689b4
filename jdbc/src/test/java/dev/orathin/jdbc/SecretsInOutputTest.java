package dev.orathin.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.ConnectParams;
import dev.orathin.Orathin;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secrets matrix: failure cases with a secret next to the bad value — in JDBC URLs, properties,
 * descriptors, Easy Connect, proxy credentials, wallet passwords and tokens — and every message
 * (whole cause chain, suppressed, stack trace text), {@code toString}, {@code getURL()} and log
 * line (every logger, every level) is scanned for the secret: zero hits.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SecretsInOutputTest {

    /** Holds the characters that broke text redaction. */
    static final String SECRET = "S3cr/e)t@x'y=z";
    static final String WALLET_PW = "Wallet_Pw-2026";

    @Test
    void noFailureShowsASecret(@TempDir Path dir) throws Exception {
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                output.add(String.valueOf(r.getMessage()) + " " + java.util.Arrays.toString(r.getParameters()));
                if (r.getThrown() != null) {
                    output.add(trace(r.getThrown()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        root.setLevel(Level.ALL);
        Logger.getLogger("dev.orathin").setLevel(Level.ALL);
        root.addHandler(capture);
        TestDatabase db = TestDatabase.builder().user("app", "App#2026").build();
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String enc = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
        try (OracleTestServer server = OracleTestServer.builder().tcps().service("svc").database(db).build().start()) {
            server.writeClientConfig(dir, WALLET_PW.toCharArray());
            String ez = "tcps://" + server.host() + ":" + server.port() + "/svc";
            OrathinDriver driver = new OrathinDriver();
            List<java.util.concurrent.Callable<Object>> cases = new ArrayList<>();
            // bad value next to a password in the URL
            cases.add(() -> driver.connect("jdbc:orathin:@svc?TNS_ADMIN=" + dir + "&password=" + enc + "&retry_count=abc", new Properties()));
            cases.add(() -> driver.connect("jdbc:orathin:@" + ez + "?retry_count=-1&wallet_password=" + SECRET, new Properties()));
            cases.add(() -> {
                OrathinDataSource bad = new OrathinDataSource();
                bad.setUrl("jdbc:orathin:@svc?TNS_ADMIN=" + dir + "&sdu=tiny&wallet_password=" + enc);
                return bad.getConnection("app", SECRET);
            });
            // properties: a bad retry count next to the wallet password and a token
            cases.add(() -> driver.connect("jdbc:orathin:@svc?TNS_ADMIN=" + dir, props("wallet_password", SECRET, "retry_count", "many",
                    "user", "app", "password", "App#2026")));
            // descriptor with a secret and a syntax error
            cases.add(() -> Orathin.connect(ConnectParams.builder().dsn("(DESCRIPTION=(WALLET_PASSWORD=\"" + SECRET.replace("\"", "")
                    + "\")(ADDRESS=(PROTOCOL=tcps)(HOST=h)(PORT=x))").user("app").password("App#2026".toCharArray()).build()));
            // Easy Connect: proxy credentials towards a proxy that is not there
            cases.add(() -> Orathin.connect(ConnectParams.builder().dsn(ez + "?https_proxy=user:" + SECRET + "@127.0.0.1&https_proxy_port="
                    + closedPort + "&retry_count=0&wallet_location=" + dir + "&wallet_password=" + WALLET_PW).user("app")
                    .password("App#2026".toCharArray()).build()));
            // a token next to an unreachable port
            cases.add(() -> Orathin.connect(ConnectParams.builder().dsn("tcps://127.0.0.1:" + closedPort + "/svc?token=" + SECRET
                    + "&retry_count=0").user("app").password("App#2026".toCharArray()).build()));
            // wrong wallet password (the wrong one is the secret)
            cases.add(() -> Orathin.connect(ConnectParams.builder().dsn("svc").configDir(dir).walletLocation(dir.toString())
                    .walletPassword(SECRET.toCharArray()).user("app").password("App#2026".toCharArray()).build()));
            // wrong database password
            cases.add(() -> Orathin.connect(ConnectParams.builder().dsn("svc").configDir(dir).walletLocation(dir.toString())
                    .walletPassword(WALLET_PW.toCharArray()).user("app").password(SECRET.toCharArray()).build()));
            int failures = 0;
            for (java.util.concurrent.Callable<Object> c : cases) {
                try {
                    Object r = c.call();
                    output.add(String.valueOf(r));
                } catch (Exception e) {
                    failures++;
                    output.add(trace(e));
                    output.add(e.toString());
                }
            }
            assertEquals(cases.size(), failures, "every case fails");
            // a successful connection whose URL holds the password: getURL() and toString
            String url = "jdbc:orathin:@svc?TNS_ADMIN=" + dir + "&password=" + enc + "&user=app&wallet_password=" + WALLET_PW;
            Properties good = new Properties();
            try (Connection c = driver.connect(url.replace(enc, "App%232026"), good)) {
                output.add(c.getMetaData().getURL());
                output.add(c.toString());
            }
            OrathinDataSource ds = new OrathinDataSource();
            ds.setUrl("jdbc:orathin:@" + ez + "?password=" + SECRET);
            output.add(ds.toString());
            output.add(ConnectParams.builder().dsn(ez + "?https_proxy=u:" + SECRET + "@p&wallet_password=" + SECRET).build().toString());
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
        }
        assertTrue(output.size() > cases(), "output was collected: " + output.size());
        for (String line : output) {
            for (String form : List.of(SECRET, enc, "App#2026", "App%232026", WALLET_PW)) {
                assertFalse(line.contains(form), "secret " + form + " shown in: " + line);
            }
        }
    }

    private static int cases() {
        return 9;
    }

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    private static String trace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
