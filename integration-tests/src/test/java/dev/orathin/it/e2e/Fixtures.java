package dev.orathin.it.e2e;

import dev.orathin.Cursor;
import dev.orathin.OracleConnection;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.littleshoot.proxy.HttpFilters;
import org.littleshoot.proxy.HttpFiltersAdapter;
import org.littleshoot.proxy.HttpFiltersSourceAdapter;
import org.littleshoot.proxy.HttpProxyServer;
import org.littleshoot.proxy.impl.DefaultHttpProxyServer;

/**
 * Shared pieces of the end-to-end suites: a TCPS testkit server with a database half and one user,
 * the credentials, the "use the connection" step every scenario ends with, and a real HTTP proxy
 * (LittleProxy) that records the CONNECT requests it tunnels.
 */
final class Fixtures {

    static final String SERVICE = "demo_high";
    static final String USER = "scott";
    static final String PASSWORD = "Tiger#2026";
    static final String WALLET_PASSWORD = "Welcome1#Wallet";

    private Fixtures() {
    }

    static char[] password() {
        return PASSWORD.toCharArray();
    }

    static char[] walletPassword() {
        return WALLET_PASSWORD.toCharArray();
    }

    /** A TCPS server with the ADB hand-off, service {@link #SERVICE}, user scott and a small table {@code demo_items}. */
    static OracleTestServer.Builder server() {
        return OracleTestServer.builder().tcps().service(SERVICE).database(database());
    }

    /** The database half: user scott, table {@code demo_items(id, name)} with three rows. */
    static TestDatabase database() {
        TestDatabase db = TestDatabase.builder().user(USER, PASSWORD).build();
        db.run("create table demo_items (id number(10) primary key, name varchar2(40))",
                "insert into demo_items values (1, 'alpha')", "insert into demo_items values (2, 'beta')",
                "insert into demo_items values (3, 'gamma')");
        return db;
    }

    /**
     * What every scenario does once connected: a query whose rows must come back exactly as seeded
     * (so a scenario can only pass when the database really answered).
     */
    static void use(OracleConnection c) {
        try (Cursor cur = c.execute("select id, name from demo_items where id <= :1 order by id", 3)) {
            List<String> rows = new ArrayList<>();
            while (cur.next()) {
                rows.add(cur.getObject(1) + ":" + cur.getObject(2));
            }
            if (!rows.equals(List.of("1:alpha", "2:beta", "3:gamma"))) {
                throw new AssertionError("demo_items came back as " + rows);
            }
        }
    }

    /** Writes the full ADB-style config of {@code server} into {@code full}, then copies only {@code keep} into {@code dir}. */
    static Path layout(OracleTestServer server, Path full, Path dir, String... keep) {
        server.writeClientConfig(full, walletPassword());
        try {
            Files.createDirectories(dir);
            for (String f : keep) {
                Files.copy(full.resolve(f), dir.resolve(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A LittleProxy instance on loopback recording each request line ("CONNECT host:port"). */
    static final class Proxy implements AutoCloseable {
        final List<String> requests = new CopyOnWriteArrayList<>();
        final HttpProxyServer server;

        Proxy() {
            server = DefaultHttpProxyServer.bootstrap().withAddress(new InetSocketAddress("127.0.0.1", 0))
                    .withFiltersSource(new HttpFiltersSourceAdapter() {
                        @Override
                        public HttpFilters filterRequest(HttpRequest request) {
                            requests.add(request.method() + " " + request.uri());
                            return new HttpFiltersAdapter(request) {
                                @Override
                                public HttpResponse clientToProxyRequest(HttpObject o) {
                                    return null;
                                }
                            };
                        }
                    }).start();
        }

        int port() {
            return server.getListenAddress().getPort();
        }

        @Override
        public void close() {
            server.abort();
        }
    }
}
