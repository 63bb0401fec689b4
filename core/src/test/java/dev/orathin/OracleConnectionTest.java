package dev.orathin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.internal.ttc.Login;
import dev.orathin.internal.ttc.LoginTest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OracleConnectionTest {

    @Test
    void pingAndClose() throws Exception {
        LoginTest.FakeDb db = new LoginTest.FakeDb("tiger".toCharArray());
        LoginTest.ScriptedSession net = new LoginTest.ScriptedSession(db);
        Login.Session s = new Login(net, Duration.ofSeconds(5), new SecureRandom()).run(LoginTest.creds("scott", "tiger"));
        OracleConnection c = new OracleConnection(net, s, Duration.ofSeconds(5));
        assertEquals("23.4.0.0.0", c.serverVersion());
        c.ping();
        assertTrue(c.isHealthy());
        c.close();
        c.close();
        assertFalse(c.isHealthy());
        assertEquals(List.of(147, 9), db.functions, "PING, then LOGOFF once");
        assertThrows(IllegalArgumentException.class, () -> c.callTimeout(Duration.ZERO));
    }
}
