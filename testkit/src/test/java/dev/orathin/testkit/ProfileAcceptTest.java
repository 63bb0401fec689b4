package dev.orathin.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The ACCEPT of the ORACLE_23AI profile is, byte for byte up to the database UUID, the ACCEPT a
 * real 23.26.1 listener sent (real-packets {@code muhdur-pipeline.txt}, read in place at test time
 * and skipped with the reason where the folder is absent).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProfileAcceptTest {

    static Path realPackets() {
        String dir = System.getProperty("ORATHIN_REAL_PACKETS", System.getenv("ORATHIN_REAL_PACKETS"));
        return Path.of(dir != null ? dir : "../../shared/real-packets");
    }

    /** The hex block after the first {@code # dir=server TNS ACCEPT} header line of {@code file}. */
    static byte[] firstServerAccept(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("# dir=server TNS ACCEPT(2)")) {
                StringBuilder hex = new StringBuilder();
                for (int j = i + 1; j < lines.size() && !lines.get(j).isBlank() && !lines.get(j).startsWith("#"); j++) {
                    hex.append(lines.get(j).replace(" ", ""));
                }
                return HexFormat.of().parseHex(hex);
            }
        }
        throw new AssertionError("no server ACCEPT in " + file);
    }

    @Test
    void oracle23aiAcceptIsTheRealOneUpToTheUuid() throws Exception {
        Path file = realPackets().resolve("muhdur-pipeline.txt");
        Assumptions.assumeTrue(Files.isRegularFile(file), "SKIPPED: " + file.toAbsolutePath()
                + " is absent (set ORATHIN_REAL_PACKETS to the shared real-packets folder)");
        byte[] real = firstServerAccept(file);
        try (OracleTestServer server = OracleTestServer.builder().profile(Profile.ORACLE_23AI).service("freepdb1").build().start();
                Socket s = new Socket(server.host(), server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(connect("(DESCRIPTION=(CONNECT_DATA=(SERVICE_NAME=FREEPDB1)))", 8192));
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            int length = in.readUnsignedShort();
            byte[] accept = new byte[length];
            accept[0] = (byte) (length >>> 8);
            accept[1] = (byte) length;
            in.readFully(accept, 2, length - 2);
            assertEquals(real.length, accept.length, "ACCEPT length (v319: 61)");
            assertEquals(2, accept[4], "packet type ACCEPT");
            // everything but the 16-byte database UUID at the end (random per server)
            assertArrayEquals(Arrays.copyOf(real, 45), Arrays.copyOf(accept, 45),
                    "real:    " + HexFormat.of().formatHex(real, 0, 45) + "\ntestkit: " + HexFormat.of().formatHex(accept, 0, 45));
        }
    }

    /** A CONNECT (version 319, SDU in the 32-bit field) with its connect data inline. */
    static byte[] connect(String data, int sdu) {
        byte[] d = data.getBytes(StandardCharsets.US_ASCII);
        byte[] p = new byte[62 + d.length];
        p[0] = (byte) (p.length >>> 8);
        p[1] = (byte) p.length;
        p[4] = 1;
        p[8] = 0x01;
        p[9] = 0x3f; // version 319
        p[10] = 0x01;
        p[11] = 0x2c; // lowest version 300
        p[14] = (byte) (sdu >>> 8);
        p[15] = (byte) sdu;
        p[24] = (byte) (d.length >>> 8);
        p[25] = (byte) d.length;
        p[27] = 62; // connect data offset
        p[58] = (byte) (sdu >>> 24);
        p[59] = (byte) (sdu >>> 16);
        p[60] = (byte) (sdu >>> 8);
        p[61] = (byte) sdu;
        System.arraycopy(d, 0, p, 62, d.length);
        return p;
    }
}
