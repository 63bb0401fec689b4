package dev.orathin.internal.trace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.internal.ttc.Login;
import dev.orathin.internal.ttc.LoginTest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacketTraceTest {

    @Test
    void dumpsNegotiationButRedactsTheAuthenticationExchange() throws Exception {
        List<String> lines = new ArrayList<>();
        LoginTest.ScriptedSession net = new LoginTest.ScriptedSession(new LoginTest.FakeDb("tiger".toCharArray()));
        new Login(PacketTrace.wrap(net, lines::add), Duration.ofSeconds(5), new SecureRandom()).run(LoginTest.creds("scott", "tiger"));
        String all = String.join("\n", lines);
        assertTrue(all.contains("orathin"), "the PROTOCOL request is dumped with its ASCII column");
        assertTrue(all.contains("[authentication exchange redacted"));
        assertTrue(all.contains("redacted: AUTH_SESSKEY"), "a redacted reply names the keys it hides, never their values: " + all);
        String dumps = String.join("\n", lines.stream().filter(l -> !l.contains("redacted")).toList());
        assertFalse(dumps.contains("AUTH_SESSKEY") || dumps.contains("AUTH_PASSWORD") || dumps.contains("AUTH_SVR_RESPONSE")
                || dumps.contains("AUTH_PBKDF2"), dumps);
        assertTrue(PacketTrace.hex(new byte[] {0x41, 0x00}).startsWith("0000: 41 00"));
    }
}
