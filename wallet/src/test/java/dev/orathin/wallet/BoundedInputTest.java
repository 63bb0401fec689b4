package dev.orathin.wallet;

import static dev.orathin.wallet.TestSupport.assertWalletError;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every wallet input is bounded: devices and FIFOs are refused without being opened, files and
 * zips over their limits are refused before (or while) reading, and ambiguous zips are refused.
 * Each failure is a typed error naming the file and the limit.
 */
class BoundedInputTest {

    private static final Duration NEVER_BLOCKS = Duration.ofSeconds(20);

    @TempDir
    Path tmp;

    static Path fifo(Path at) throws Exception {
        Process p = new ProcessBuilder("mkfifo", at.toString()).redirectErrorStream(true).start();
        assumeTrue(p.waitFor() == 0, "mkfifo not available");
        return at;
    }

    @Test
    void deviceIsRefusedUnopened() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero");
        assertTimeoutPreemptively(NEVER_BLOCKS, () -> assertWalletError(WalletErrorCode.NOT_A_REGULAR_FILE,
                () -> Wallets.load(zero, null), "/dev/zero", "not opened"));
        assertTimeoutPreemptively(NEVER_BLOCKS, () -> assertWalletError(WalletErrorCode.NOT_A_REGULAR_FILE,
                () -> WalletZip.open(zero), "/dev/zero"));
    }

    @Test
    void fifoIsRefusedUnopenedAsFileAndInsideADirectory() throws Exception {
        Path f = fifo(tmp.resolve("wallet.fifo"));
        assertTimeoutPreemptively(NEVER_BLOCKS, () -> assertWalletError(WalletErrorCode.NOT_A_REGULAR_FILE,
                () -> Wallets.load(f, "pw".toCharArray()), "wallet.fifo", "FIFO"));
        Path dir = Files.createDirectory(tmp.resolve("dir"));
        fifo(dir.resolve("cwallet.sso"));
        assertTimeoutPreemptively(NEVER_BLOCKS, () -> assertWalletError(WalletErrorCode.NOT_A_REGULAR_FILE,
                () -> Wallets.load(dir, null), "cwallet.sso"));
    }

    @Test
    void fileOverTheLimitIsRefusedBeforeReading() throws IOException {
        Path big = tmp.resolve("ewallet.p12");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(Wallets.MAX_FILE_BYTES + 1); // sparse: costs no disk
        }
        assertWalletError(WalletErrorCode.INPUT_TOO_LARGE, () -> Wallets.load(big, "pw".toCharArray()),
                big.toString(), String.valueOf(Wallets.MAX_FILE_BYTES));
        assertWalletError(WalletErrorCode.INPUT_TOO_LARGE, () -> Wallets.fromBytes(new byte[(int) Wallets.MAX_FILE_BYTES + 1], null),
                String.valueOf(Wallets.MAX_FILE_BYTES));
    }

    static byte[] zip(Entry... entries) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            for (Entry e : entries) {
                z.putNextEntry(new ZipEntry(e.name));
                for (long left = e.size; left > 0; left -= 65536) {
                    z.write(new byte[(int) Math.min(65536, left)]);
                }
                z.write(e.text.getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return bos.toByteArray();
    }

    record Entry(String name, long size, String text) {
        static Entry text(String name, String text) {
            return new Entry(name, 0, text);
        }

        static Entry zeros(String name, long size) {
            return new Entry(name, size, "");
        }
    }

    @Test
    void caseVariantDuplicatesAreAmbiguous() throws IOException {
        byte[] z = zip(Entry.text("cwallet.sso", "a"), Entry.text("CWALLET.SSO", "b"));
        assertWalletError(WalletErrorCode.ZIP_DUPLICATE_ENTRY, () -> WalletZip.read(z), "cwallet.sso", "CWALLET.SSO");
        byte[] inDirs = zip(Entry.text("a/ewallet.pem", "a"), Entry.text("b/EWallet.pem", "b"));
        assertWalletError(WalletErrorCode.ZIP_DUPLICATE_ENTRY, () -> WalletZip.read(inDirs), "a/ewallet.pem", "b/EWallet.pem");
        byte[] unwanted = zip(Entry.text("README", "a"), Entry.text("readme", "b"));
        assertWalletError(WalletErrorCode.ZIP_DUPLICATE_ENTRY, () -> Wallets.fromBytes(unwanted, null), "README", "readme");
    }

    @Test
    void tooManyEntries() throws IOException {
        Entry[] many = new Entry[WalletZip.MAX_ENTRIES + 1];
        for (int i = 0; i < many.length; i++) {
            many[i] = Entry.text("f" + i, "");
        }
        byte[] z = zip(many);
        assertWalletError(WalletErrorCode.INPUT_TOO_LARGE, () -> WalletZip.read(z), String.valueOf(WalletZip.MAX_ENTRIES));
    }

    @Test
    void entryAndTotalSizeAreBounded() throws IOException {
        byte[] bigEntry = zip(Entry.zeros("cwallet.sso", WalletZip.MAX_ENTRY_BYTES + 1));
        assertWalletError(WalletErrorCode.INPUT_TOO_LARGE, () -> WalletZip.read(bigEntry), "cwallet.sso",
                String.valueOf(WalletZip.MAX_ENTRY_BYTES));
        // a zip bomb in an entry that is never loaded still counts: inflating it is bounded too
        byte[] bomb = zip(Entry.text("cwallet.sso", "x"), Entry.zeros("padding.bin", WalletZip.MAX_TOTAL_BYTES + 1));
        assertWalletError(WalletErrorCode.INPUT_TOO_LARGE, () -> WalletZip.read(bomb), String.valueOf(WalletZip.MAX_TOTAL_BYTES));
        int n = (int) (WalletZip.MAX_TOTAL_BYTES / WalletZip.MAX_ENTRY_BYTES) + 1;
        Entry[] wanted = new Entry[n];
        String[] names = {"ewallet.pem", "ewallet.p12", "cwallet.sso", "cwallet.pem", "tnsnames.ora", "sqlnet.ora"};
        for (int i = 0; i < n; i++) {
            wanted[i] = Entry.zeros(names[i], WalletZip.MAX_ENTRY_BYTES);
        }
        byte[] sum = zip(wanted);
        assertWalletError(WalletErrorCode.INPUT_TOO_LARGE, () -> WalletZip.read(sum), String.valueOf(WalletZip.MAX_TOTAL_BYTES));
    }
}
