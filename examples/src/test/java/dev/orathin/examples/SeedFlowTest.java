package dev.orathin.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SeedFlowTest {

    @Test
    void seedFlowAgainstTheTestkit(@TempDir Path dir) {
        char[] walletPw = "Welcome1#Wallet".toCharArray();
        try (OracleTestServer server = OracleTestServer.builder().tcps().service("mydb_high")
                .database(TestDatabase.withUsers(Map.of("admin", "Adb#Pass2026".toCharArray()))).build().start()) {
            server.writeClientConfig(dir, walletPw);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            assertEquals(0, SeedFlow.run(dir, "mydb_high", "admin", "Adb#Pass2026".toCharArray(), walletPw, out));
            String text = bytes.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("connected to Oracle Database 23ai") && text.contains("TLS2"), text);
            bytes.reset();
            assertEquals(1, SeedFlow.run(dir, "mydb_high", "admin", "wrong".toCharArray(), walletPw, out));
            assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("ORA-01017"));
        }
    }
}
