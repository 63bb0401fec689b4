package dev.orathin.net.naming;

import dev.orathin.net.internal.naming.NamingRequest;
import dev.orathin.net.internal.naming.ConnectStringResolver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orathin.net.internal.naming.ConfigFiles;
import dev.orathin.net.internal.naming.NvParser;
import dev.orathin.wallet.WalletZip;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configuration input is bounded: FIFOs and devices are refused unopened, files and zips over
 * their limits are refused, long values and entries are refused with typed errors, and a huge
 * malformed tnsnames.ora is rejected in linear time.
 */
class BoundedConfigTest {

    private static final Duration NEVER_BLOCKS = Duration.ofSeconds(20);
    private static final String GOOD = "(DESCRIPTION=(ADDRESS=(PROTOCOL=tcp)(HOST=h)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=s)))";

    @TempDir
    Path tmp;

    static ConfigException fails(NamingErrorCode code, String dsn, Path dir, String... parts) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConnectStringResolver.resolve(new NamingRequest(dsn, dir, null, Map.of(), n -> null)));
        assertEquals(code, e.errorCode(), e.getMessage());
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "\"" + p + "\" missing in: " + e.getMessage());
        }
        return e;
    }

    static Path fifo(Path at) throws Exception {
        Process p = new ProcessBuilder("mkfifo", at.toString()).redirectErrorStream(true).start();
        assumeTrue(p.waitFor() == 0, "mkfifo not available");
        return at;
    }

    @Test
    void fifoAndDeviceAreRefusedUnopened() throws Exception {
        fifo(tmp.resolve("tnsnames.ora"));
        assertTimeoutPreemptively(NEVER_BLOCKS, () -> fails(NamingErrorCode.NOT_A_REGULAR_FILE, "db", tmp, "tnsnames.ora", "FIFO"));
        Path other = Files.createDirectory(tmp.resolve("other"));
        Files.writeString(other.resolve("tnsnames.ora"), "IFILE = /dev/zero\n");
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        assertTimeoutPreemptively(NEVER_BLOCKS, () -> fails(NamingErrorCode.NOT_A_REGULAR_FILE, "db", other, "/dev/zero"));
        Path zipFifo = fifo(tmp.resolve("Wallet_db.zip"));
        assertTimeoutPreemptively(NEVER_BLOCKS, () -> fails(NamingErrorCode.NOT_A_REGULAR_FILE, "db", zipFifo, "Wallet_db.zip"));
    }

    @Test
    void fileOverTheLimitIsRefusedBeforeReading() throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(tmp.resolve("sqlnet.ora").toFile(), "rw")) {
            f.setLength(ConfigFiles.MAX_FILE_BYTES + 1);
        }
        Files.writeString(tmp.resolve("tnsnames.ora"), "db = " + GOOD + "\n");
        fails(NamingErrorCode.FILE_TOO_LARGE, "db", tmp, "sqlnet.ora", String.valueOf(ConfigFiles.MAX_FILE_BYTES));
    }

    static byte[] zip(String... nameAndText) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            for (int i = 0; i < nameAndText.length; i += 2) {
                z.putNextEntry(new ZipEntry(nameAndText[i]));
                z.write(nameAndText[i + 1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return bos.toByteArray();
    }

    @Test
    void configZipWithCaseVariantsOrTooManyEntriesIsRefused() throws IOException {
        Path z = Files.write(tmp.resolve("w.zip"), zip("tnsnames.ora", "db = " + GOOD, "TNSNAMES.ORA", "db = (x)"));
        fails(NamingErrorCode.CONFIG_ZIP_LIMIT, "db", z, "tnsnames.ora", "TNSNAMES.ORA");
        String[] many = new String[2 * (WalletZip.MAX_ENTRIES + 1)];
        for (int i = 0; i < many.length; i += 2) {
            many[i] = "e" + i;
            many[i + 1] = "";
        }
        Path big = Files.write(tmp.resolve("many.zip"), zip(many));
        fails(NamingErrorCode.CONFIG_ZIP_LIMIT, "db", big, String.valueOf(WalletZip.MAX_ENTRIES));
        byte[] good = zip("sub/tnsnames.ora", "db = " + GOOD);
        ResolvedConnect r = ConnectStringResolver.resolve(new NamingRequest("db", null, good, Map.of(), n -> null));
        assertEquals("db", r.alias());
    }

    @Test
    void valuesAndDescriptorsHaveLengthLimits() {
        String longHost = "h".repeat(NvParser.MAX_VALUE_CHARS + 1);
        fails(NamingErrorCode.TOO_LONG, GOOD.replace("HOST=h", "HOST=" + longHost), null, String.valueOf(NvParser.MAX_VALUE_CHARS));
        fails(NamingErrorCode.TOO_LONG, GOOD.replace("HOST=h", "HOST=\"" + longHost + "\""), null, "value of HOST");
        String huge = GOOD.replace(")))", ")" + "(X=1)".repeat(NvParser.MAX_TEXT_CHARS / 5) + "))");
        fails(NamingErrorCode.TOO_LONG, huge, null, String.valueOf(NvParser.MAX_TEXT_CHARS));
        String deep = "(A=".repeat(NvParser.MAX_DEPTH + 2) + "(B=1)" + ")".repeat(NvParser.MAX_DEPTH + 2);
        fails(NamingErrorCode.TOO_DEEP, deep, null, String.valueOf(NvParser.MAX_DEPTH));
    }

    /**
     * 300,000 lines of one never-closed entry used to take minutes (the balance was recounted over
     * the whole entry for every line); now the entry is refused in one pass and the alias after it
     * still resolves. The timeout is generous and only catches a quadratic regression.
     */
    @Test
    void hugeMalformedTnsnamesIsRejectedInLinearTime() throws IOException {
        StringBuilder b = new StringBuilder("broken = (DESCRIPTION =\n");
        for (int i = 0; i < 300_000; i++) {
            b.append("  (ADDRESS=(HOST=h").append(i % 10).append(")\n");
        }
        b.append("db = ").append(GOOD).append('\n');
        Files.writeString(tmp.resolve("tnsnames.ora"), b);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            fails(NamingErrorCode.TOO_LONG, "broken", tmp, "tnsnames.ora:1", String.valueOf(ConfigFiles.MAX_ENTRY_CHARS));
            assertEquals("db", ConnectStringResolver.resolve(new NamingRequest("db", tmp, null, Map.of(), n -> null)).alias());
        });
    }
}
