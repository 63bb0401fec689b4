package dev.orathin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.orathin.testkit.junit.OracleTestServerExtension;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExtensionTest {

    @RegisterExtension
    static final OracleTestServerExtension DB = new OracleTestServerExtension(OracleTestServer.builder().service("ext_svc"));

    @Test
    void serverIsRunningAndInjected(OracleTestServer server) throws Exception {
        assertSame(DB.server(), server);
        try (Socket s = new Socket("localhost", server.port())) {
            RawClient c = new RawClient(s);
            c.sendConnect(RawClient.descriptor(server.port(), "ext_svc"));
            assertEquals(2, c.read()[4]);
        }
    }
}
